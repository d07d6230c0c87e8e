package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A guest of the workspace (table {@code guests}). */
public record Guest(UUID id, UUID tenantId, String name, String email, String fingerprint, Map<String, Object> metadata,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
