package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Writable task fields; {@code title} is required to create; null means default or unchanged.
 * Start from {@link #of(String, List)} (or {@link #none()} for an update) and add what is set
 * with the {@code with...} methods.
 */
public record TaskFields(String title, String description, TaskType type, TaskStatus status, Integer priority,
        UUID taskStateId, UUID boardId, UUID appId, UUID userId, UUID projectId, UUID assignedAgentId,
        UUID coordinatorId, List<String> requiredCapabilities, Position position, String prompt, OffsetDateTime dueAt) {

    /** A task with a title and the capabilities it needs. */
    public static TaskFields of(String title, List<String> requiredCapabilities) {
        return none().withTitle(title).withRequiredCapabilities(requiredCapabilities);
    }

    /** No field set: the start of an update that changes only what is added. */
    public static TaskFields none() {
        return new TaskFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Only a status change. */
    public static TaskFields status(TaskStatus status) {
        return none().withStatus(status);
    }

    /** The same fields, with a title. */
    public TaskFields withTitle(String v) {
        return new TaskFields(v, description, type, status, priority, taskStateId, boardId, appId, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, a description. */
    public TaskFields withDescription(String v) {
        return new TaskFields(title, v, type, status, priority, taskStateId, boardId, appId, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, the kind of work. */
    public TaskFields withType(TaskType v) {
        return new TaskFields(title, description, v, status, priority, taskStateId, boardId, appId, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, a status. */
    public TaskFields withStatus(TaskStatus v) {
        return new TaskFields(title, description, type, v, priority, taskStateId, boardId, appId, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, a priority (higher first). */
    public TaskFields withPriority(Integer v) {
        return new TaskFields(title, description, type, status, v, taskStateId, boardId, appId, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, on a board column. */
    public TaskFields withTaskStateId(UUID v) {
        return new TaskFields(title, description, type, status, priority, v, boardId, appId, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, on a board. */
    public TaskFields withBoardId(UUID v) {
        return new TaskFields(title, description, type, status, priority, taskStateId, v, appId, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, for an app. */
    public TaskFields withAppId(UUID v) {
        return new TaskFields(title, description, type, status, priority, taskStateId, boardId, v, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, for a user. */
    public TaskFields withUserId(UUID v) {
        return new TaskFields(title, description, type, status, priority, taskStateId, boardId, appId, v, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, in a project. */
    public TaskFields withProjectId(UUID v) {
        return new TaskFields(title, description, type, status, priority, taskStateId, boardId, appId, userId, v, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, assigned to an agent. */
    public TaskFields withAssignedAgentId(UUID v) {
        return new TaskFields(title, description, type, status, priority, taskStateId, boardId, appId, userId, projectId, v, coordinatorId, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, coordinated by a project-manager agent. */
    public TaskFields withCoordinatorId(UUID v) {
        return new TaskFields(title, description, type, status, priority, taskStateId, boardId, appId, userId, projectId, assignedAgentId, v, requiredCapabilities, position, prompt, dueAt);
    }

    /** The same fields, needing these capabilities. */
    public TaskFields withRequiredCapabilities(List<String> v) {
        return new TaskFields(title, description, type, status, priority, taskStateId, boardId, appId, userId, projectId, assignedAgentId, coordinatorId, v, position, prompt, dueAt);
    }

    /** The same fields, at a position. */
    public TaskFields withPosition(Position v) {
        return new TaskFields(title, description, type, status, priority, taskStateId, boardId, appId, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, v, prompt, dueAt);
    }

    /** The same fields, with a prompt for the agent. */
    public TaskFields withPrompt(String v) {
        return new TaskFields(title, description, type, status, priority, taskStateId, boardId, appId, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, v, dueAt);
    }

    /** The same fields, due at a time. */
    public TaskFields withDueAt(OffsetDateTime v) {
        return new TaskFields(title, description, type, status, priority, taskStateId, boardId, appId, userId, projectId, assignedAgentId, coordinatorId, requiredCapabilities, position, prompt, v);
    }
}
