package dev.hybriddb.vector;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.vector.internal.Texts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A memory to remember.
 *
 * @param content    the text, not blank
 * @param importance 0 or more (default 1); recall can skip memories below a threshold
 * @param metadata   JSON-representable values by key
 * @param embedding  a precomputed embedding, or null to have the embedder compute it
 */
public record NewMemory(String content, int importance, Map<String, Object> metadata, float[] embedding) {

    /** Checks text and importance, copies the metadata. */
    public NewMemory {
        Texts.nonBlank("content", content);
        if (importance < 0) {
            throw new InvalidInputException("importance", importance, "must not be negative");
        }
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A memory of importance 1. */
    public static NewMemory of(String content) {
        return new NewMemory(content, 1, Map.of(), null);
    }

    /** A memory of the given importance. */
    public static NewMemory of(String content, int importance) {
        return new NewMemory(content, importance, Map.of(), null);
    }

    public NewMemory withMetadata(Map<String, ?> m) {
        return new NewMemory(content, importance, m == null ? null : new LinkedHashMap<>(m), embedding);
    }

    public NewMemory withEmbedding(float[] vector) {
        return new NewMemory(content, importance, metadata, vector);
    }
}
