package dev.hybriddb.vector;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A recorded RAG query: the question, the passages the model was given, and the answer or the
 * failure.
 *
 * @param id            its id
 * @param sessionId     the session key it was asked under
 * @param question      the question
 * @param status        answered or failed
 * @param answer        the answer, or null when the model failed
 * @param model         the model's name as the answer gave it, or null
 * @param error         the failure (the exception's type), or null when answered
 * @param sources       the passages given to the model, best first
 * @param retrievalTime time spent retrieving
 * @param answerTime    time spent in the model
 * @param latency       from the question to the answer (retrieval, packing and the model)
 * @param metadata      the answer's metadata
 * @param createdAt     when it was recorded
 */
public record RagQuery(UUID id, String sessionId, String question, RagQueryStatus status, String answer, String model,
        String error, List<RetrievedChunk> sources, Duration retrievalTime, Duration answerTime, Duration latency,
        Map<String, Object> metadata, Instant createdAt) {}
