package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code taskId} is blocked by {@code dependsOnTaskId} (table {@code task_dependencies}). */
public record TaskDependency(UUID id, UUID tenantId, UUID taskId, UUID dependsOnTaskId, OffsetDateTime createdAt) {}
