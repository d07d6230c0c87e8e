package dev.hybriddb.vector;

import dev.hybriddb.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A RAG query to record with {@link RagHistory#record}: exactly one of {@code answer} and
 * {@code error} is set. {@link RagAssistant} builds these; applications that run retrieval and
 * the model themselves can record their own.
 *
 * @param question      the question (not blank)
 * @param sources       the passages given to the model, ranks 1, 2, 3... in order
 * @param answer        the answer, or null when the model failed
 * @param error         what failed, or null when answered
 * @param retrievalTime time spent retrieving
 * @param answerTime    time spent in the model
 * @param latency       the whole time, at least {@code retrievalTime + answerTime}
 */
public record NewRagQuery(String question, List<RetrievedChunk> sources, Answer answer, String error,
        Duration retrievalTime, Duration answerTime, Duration latency) {
    public NewRagQuery {
        Objects.requireNonNull(sources, "sources");
        sources = List.copyOf(sources);
        if ((answer == null) == (error == null)) {
            throw new InvalidInputException("answer", answer, "exactly one of answer and error must be given");
        }
        nonNegative("retrievalTime", retrievalTime);
        nonNegative("answerTime", answerTime);
        nonNegative("latency", latency);
        if (latency.compareTo(retrievalTime.plus(answerTime)) < 0) {
            throw new InvalidInputException("latency", latency, "must be at least retrievalTime + answerTime");
        }
    }

    /** A query the model answered. */
    public static NewRagQuery answered(String question, List<RetrievedChunk> sources, Answer answer,
            Duration retrievalTime, Duration answerTime, Duration latency) {
        return new NewRagQuery(question, sources, Objects.requireNonNull(answer, "answer"), null, retrievalTime, answerTime,
                latency);
    }

    /** A query the model failed to answer. */
    public static NewRagQuery failed(String question, List<RetrievedChunk> sources, String error,
            Duration retrievalTime, Duration answerTime, Duration latency) {
        return new NewRagQuery(question, sources, null, Objects.requireNonNull(error, "error"), retrievalTime, answerTime,
                latency);
    }

    private static void nonNegative(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative()) {
            throw new InvalidInputException(field, d, "must not be negative");
        }
    }
}
