package dev.hybriddb.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A contributor's contribution to an asset (table {@code contributions}). Contributions are never
 * changed: a correction is a new contribution whose {@code correctsId} is the id of the one it
 * replaces (null for an original).
 */
public record Contribution(UUID id, UUID tenantId, UUID contributorId, UUID assetId, BigDecimal costAmount,
        BigDecimal coherenceScore, Map<String, Object> metadata, UUID correctsId, OffsetDateTime createdAt) {}
