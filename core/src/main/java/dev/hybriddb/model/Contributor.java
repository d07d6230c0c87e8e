package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A contributor (table {@code contributors}). */
public record Contributor(UUID id, UUID tenantId, String name, String email, String githubUsername,
        String walletAddress, Map<String, Object> metadata, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
