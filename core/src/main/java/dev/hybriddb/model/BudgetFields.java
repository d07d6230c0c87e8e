package dev.hybriddb.model;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Writable budget fields; {@code allocated} is required to create. Consumption changes only
 * through {@link dev.hybriddb.repository.BudgetRepository#consumeBudget}.
 *
 * @param scopeType tenant, project, swarm (default), agent or task
 */
public record BudgetFields(UUID swarmId, String scopeType, UUID scopeId, BigDecimal allocated, Long maxTokens,
        String currency) {
    /** A swarm budget of {@code allocated} in {@code currency}, with an optional token limit. */
    public static BudgetFields forSwarm(UUID swarmId, BigDecimal allocated, String currency, Long maxTokens) {
        return new BudgetFields(swarmId, "swarm", swarmId, allocated, maxTokens, currency);
    }
}
