package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** An app of the workspace (table {@code apps}). */
public record App(UUID id, UUID tenantId, String name, String description, UUID userId, UUID teamId,
        Map<String, Object> metadata, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
