package dev.hybriddb.vector;

import java.util.Map;

/**
 * What an {@link AnswerModel} answered.
 *
 * @param text     the answer (not blank)
 * @param model    the name of the model that wrote it, or null
 * @param metadata anything else worth keeping with the query (token counts, finish reason), or null
 */
public record Answer(String text, String model, Map<String, Object> metadata) {
    /** An answer by {@code model}, without metadata. */
    public static Answer of(String text, String model) {
        return new Answer(text, model, null);
    }
}
