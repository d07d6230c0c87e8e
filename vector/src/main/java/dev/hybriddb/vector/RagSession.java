package dev.hybriddb.vector;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A RAG session: the queries asked under one session key.
 *
 * @param id        its id
 * @param sessionId the application's session key
 * @param metadata  what the application attached to it ({@link RagHistory#startSession})
 * @param createdAt when its first query (or {@code startSession}) created it
 * @param updatedAt when its last query was recorded
 */
public record RagSession(UUID id, String sessionId, Map<String, Object> metadata, Instant createdAt, Instant updatedAt) {}
