package dev.hybriddb.vector;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.vector.internal.Texts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A document to store: its text, its metadata (a JSON object), optionally a precomputed
 * embedding and optionally a title. Without an embedding the store's {@link Embedder} computes
 * one; the title is not embedded (it names the document in listings).
 *
 * @param content   the text, not blank
 * @param metadata  JSON-representable values by key (empty for none)
 * @param embedding the precomputed embedding, or null to have it computed (the array is not copied)
 * @param title     the title, or null for none; not blank, at most {@value #MAX_TITLE} characters
 */
public record NewDocument(String content, Map<String, Object> metadata, float[] embedding, String title) {
    /** The longest title. */
    public static final int MAX_TITLE = 500;

    /** Checks the text and title, copies the metadata. */
    public NewDocument {
        Texts.nonBlank("content", content);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (title != null) {
            Texts.nonBlank("title", title);
            if (title.length() > MAX_TITLE) {
                throw new InvalidInputException("title", title.substring(0, 40) + "...",
                        "must be at most " + MAX_TITLE + " characters, not " + title.length());
            }
        }
    }

    /** A document without a title. */
    public NewDocument(String content, Map<String, Object> metadata, float[] embedding) {
        this(content, metadata, embedding, null);
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
        return new NewDocument(content, metadata, vector, title);
    }

    /** The same document with {@code newTitle} as its title (null for none). */
    public NewDocument withTitle(String newTitle) {
        return new NewDocument(content, metadata, embedding, newTitle);
    }

    private static Map<String, Object> copy(Map<String, ?> m) {
        return m == null ? Map.of() : new LinkedHashMap<>(m);
    }
}
