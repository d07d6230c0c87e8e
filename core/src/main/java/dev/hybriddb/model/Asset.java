package dev.hybriddb.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An asset (table {@code assets}); {@code totalCost} is the sum of its contributions, kept by the
 * database.
 */
public record Asset(UUID id, UUID tenantId, String name, String description, String assetType, BigDecimal totalCost,
        Map<String, Object> metadata, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
