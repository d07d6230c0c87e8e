package dev.hybriddb.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A contributor's contribution to an asset (table {@code contributions}). */
public record Contribution(UUID id, UUID tenantId, UUID contributorId, UUID assetId, BigDecimal costAmount,
        BigDecimal coherenceScore, Map<String, Object> metadata, OffsetDateTime createdAt) {}
