package dev.hybriddb.vector;

import dev.hybriddb.vector.internal.Texts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A document to store: its text, its metadata (a JSON object) and optionally a precomputed
 * embedding. Without an embedding the store's {@link Embedder} computes one.
 *
 * @param content   the text, not blank
 * @param metadata  JSON-representable values by key (empty for none)
 * @param embedding the precomputed embedding, or null to have it computed (the array is not copied)
 */
public record NewDocument(String content, Map<String, Object> metadata, float[] embedding) {

    /** Checks the text and copies the metadata. */
    public NewDocument {
        Texts.nonBlank("content", content);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A document from text alone. */
    public static NewDocument of(String content) {
        return new NewDocument(content, Map.of(), null);
    }

    /** A document from text and metadata. */
    public static NewDocument of(String content, Map<String, ?> metadata) {
        return new NewDocument(content, copy(metadata), null);
    }

    /** A document with a precomputed embedding. */
    public static NewDocument of(String content, Map<String, ?> metadata, float[] embedding) {
        return new NewDocument(content, copy(metadata), embedding);
    }

    /** The same document with {@code vector} as its embedding. */
    public NewDocument withEmbedding(float[] vector) {
        return new NewDocument(content, metadata, vector);
    }

    private static Map<String, Object> copy(Map<String, ?> m) {
        return m == null ? Map.of() : new LinkedHashMap<>(m);
    }
}
