package dev.hybriddb.model;

import java.util.UUID;

/** A dependency to create: {@code taskId} is blocked by {@code dependsOnTaskId}; both required. */
public record TaskDependencyFields(UUID taskId, UUID dependsOnTaskId) {
    /** {@code task} is blocked by {@code blocker}. */
    public static TaskDependencyFields of(UUID task, UUID blocker) {
        return new TaskDependencyFields(task, blocker);
    }
}
