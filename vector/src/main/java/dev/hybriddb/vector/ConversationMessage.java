package dev.hybriddb.vector;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One message of a conversation.
 *
 * @param id        its id
 * @param sessionId the conversation
 * @param role      who wrote it
 * @param content   the text
 * @param metadata  its metadata
 * @param createdAt when it was added
 */
public record ConversationMessage(UUID id, String sessionId, ConversationRole role, String content,
        Map<String, Object> metadata, Instant createdAt) {}
