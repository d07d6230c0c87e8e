package dev.hybriddb.vector.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the all-MiniLM-L6-v2 ONNX model. The JVM loads this class, and with it the model (about
 * 90 MB from the langchain4j jar), on first use only.
 */
public final class MiniLmModel {
    private static final AllMiniLmL6V2EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();

    private MiniLmModel() {}

    /** The embedding of one text. */
    public static float[] embed(String text) {
        return MODEL.embed(text).content().vector();
    }

    /** The embeddings of texts, in order (computed in parallel by langchain4j). */
    public static List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t));
        }
        List<Embedding> embeddings = MODEL.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(e.vector());
        }
        return out;
    }
}
