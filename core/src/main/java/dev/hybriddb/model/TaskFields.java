package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Writable task fields; {@code title} is required to create; null means default or unchanged. */
public record TaskFields(String title, String description, TaskType type, TaskStatus status, Integer priority,
        UUID taskStateId, UUID boardId, UUID appId, UUID userId, UUID projectId, UUID assignedAgentId,
        UUID coordinatorId, List<String> requiredCapabilities, Position position, String prompt, OffsetDateTime dueAt) {
    /** A task with a title and the capabilities it needs. */
    public static TaskFields of(String title, List<String> requiredCapabilities) {
        return new TaskFields(title, null, null, null, null, null, null, null, null, null, null, null,
                requiredCapabilities, null, null, null);
    }

    /** Only a status change. */
    public static TaskFields status(TaskStatus status) {
        return new TaskFields(null, null, null, status, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
