package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An agent (table {@code agents}); a project manager is an agent whose role is {@code project_manager}. */
public record Agent(UUID id, UUID tenantId, UUID swarmId, String name, AgentRole role, String model, String task,
        AgentStatus status, String lifecycleState, List<String> capabilities, Position position, UUID managerId,
        String pausedBy, OffsetDateTime pausedAt, Map<String, Object> config, Map<String, Object> metadata,
        OffsetDateTime startedAt, OffsetDateTime completedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
