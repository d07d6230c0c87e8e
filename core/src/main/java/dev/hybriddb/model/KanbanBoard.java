package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A kanban board (table {@code kanban_boards}). */
public record KanbanBoard(UUID id, UUID tenantId, String name, String description, UUID userId, UUID teamId,
        UUID appId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
