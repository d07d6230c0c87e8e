package dev.hybriddb.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An agent with how long it has run and what it has done (view {@code agent_activity}).
 *
 * @param id              the agent
 * @param tenantId        its tenant
 * @param swarmId         its swarm, or null
 * @param name            its name
 * @param role            its role
 * @param model           its model, or null
 * @param status          its status
 * @param lifecycleState  its lifecycle state, or null
 * @param startedAt       when it started, or null
 * @param completedAt     when it completed, or null
 * @param durationSeconds seconds from its start (or creation) to its completion (or now)
 * @param eventCount      events it logged
 * @param lastEventAt     its latest event, or null
 * @param executionCount  its executions
 * @param totalTokens     tokens over its executions
 * @param totalCost       cost over its executions
 * @param createdAt       when the agent was created
 * @param updatedAt       when the agent was last changed
 */
public record AgentActivity(UUID id, UUID tenantId, UUID swarmId, String name, AgentRole role, String model,
        AgentStatus status, String lifecycleState, OffsetDateTime startedAt, OffsetDateTime completedAt,
        long durationSeconds, long eventCount, OffsetDateTime lastEventAt, long executionCount, BigDecimal totalTokens,
        BigDecimal totalCost, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
