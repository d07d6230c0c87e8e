package dev.hybriddb.vector;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into embedding vectors. Implementations must be thread-safe and return vectors of
 * exactly {@link #dimensions()} finite components. {@link MiniLmEmbedder} runs all-MiniLM-L6-v2
 * in process; applications that compute embeddings elsewhere implement this interface or pass
 * precomputed vectors to the stores directly.
 */
public interface Embedder {

    /** The embedding of {@code text}. */
    float[] embed(String text);

    /** The embeddings of {@code texts}, in order. The default embeds one text at a time. */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embed(t));
        }
        return out;
    }

    /** The number of components of every vector this embedder returns. */
    int dimensions();
}
