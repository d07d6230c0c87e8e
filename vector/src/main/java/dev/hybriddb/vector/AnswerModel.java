package dev.hybriddb.vector;

import java.util.List;

/**
 * The language model that writes an answer from a question and the passages retrieved for it: the
 * application's own, behind this one method (a hosted chat model, a local one, or a deterministic
 * stand-in in tests). {@link RagAssistant} calls it between retrieval and recording.
 *
 * <p>Throwing is how a model reports a failure; {@link RagAssistant} records it (see there) and
 * rethrows. The model should not hold on to {@code context} after returning.
 */
@FunctionalInterface
public interface AnswerModel {
    /**
     * The answer to {@code question} from {@code context}, best passage first (empty when nothing
     * was retrieved).
     */
    Answer answer(Question question, List<RetrievedChunk> context);
}
