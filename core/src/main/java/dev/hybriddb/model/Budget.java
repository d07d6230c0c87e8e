package dev.hybriddb.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A budget for a scope (table {@code budgets}); {@code maxTokens} null means no token limit. */
public record Budget(UUID id, UUID tenantId, UUID swarmId, String scopeType, UUID scopeId, BigDecimal allocated,
        BigDecimal consumed, Long maxTokens, long consumedTokens, String currency, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
