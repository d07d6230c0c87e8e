package dev.hybriddb.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * Writable contribution fields; all but {@code metadata} are required to create; null means
 * unchanged. {@code costAmount} is at least 0, {@code coherenceScore} 0..1.
 */
public record ContributionFields(UUID contributorId, UUID assetId, BigDecimal costAmount, BigDecimal coherenceScore,
        Map<String, Object> metadata) {
    /** A new contribution. */
    public static ContributionFields of(UUID contributorId, UUID assetId, BigDecimal costAmount,
            BigDecimal coherenceScore) {
        return new ContributionFields(contributorId, assetId, costAmount, coherenceScore, null);
    }

    /** Only a new amount. */
    public static ContributionFields cost(BigDecimal costAmount) {
        return new ContributionFields(null, null, costAmount, null, null);
    }
}
