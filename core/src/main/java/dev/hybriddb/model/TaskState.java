package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A column of a kanban board (table {@code task_states}). */
public record TaskState(UUID id, UUID tenantId, UUID boardId, String name, int position, String color, Integer wipLimit,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
