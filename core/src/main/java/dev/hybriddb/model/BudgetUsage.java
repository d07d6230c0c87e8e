package dev.hybriddb.model;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * How much of a budget is used. Percentages are 0 to 100 with two decimals;
 * {@code percentageTokens} is null without a token limit.
 */
public record BudgetUsage(UUID budgetId, BigDecimal allocated, BigDecimal consumed, BigDecimal remaining,
        Long maxTokens, long consumedTokens, Long remainingTokens, BigDecimal percentageCost,
        BigDecimal percentageTokens, String currency) {}
