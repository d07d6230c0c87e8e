package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A task (table {@code tasks}): on a board column, assigned to an agent, coordinated by a PM agent. */
public record Task(UUID id, UUID tenantId, String title, String description, TaskType type, TaskStatus status,
        int priority, UUID taskStateId, UUID boardId, UUID appId, UUID userId, UUID projectId, UUID assignedAgentId,
        UUID coordinatorId, List<String> requiredCapabilities, Position position, String prompt,
        OffsetDateTime dueAt, TaskOrchestration orchestration, OffsetDateTime startedAt, OffsetDateTime completedAt,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
