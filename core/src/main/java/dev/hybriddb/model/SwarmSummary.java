package dev.hybriddb.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A swarm with its agent counts and budget totals (view {@code swarm_summary}).
 *
 * @param id               the swarm
 * @param tenantId         its tenant
 * @param name             its name
 * @param status           its status
 * @param agentCount       its agents
 * @param activeAgentCount its agents whose status is active, running or busy
 * @param budgetAllocated  the sum allocated over its budgets (0 without budgets)
 * @param budgetConsumed   the sum consumed over its budgets (0 without budgets)
 * @param createdAt        when the swarm was created
 * @param updatedAt        when the swarm was last changed
 */
public record SwarmSummary(UUID id, UUID tenantId, String name, SwarmStatus status, long agentCount,
        long activeAgentCount, BigDecimal budgetAllocated, BigDecimal budgetConsumed, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
