package dev.hybriddb.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A person of the workspace (table {@code users}). */
public record User(UUID id, UUID tenantId, String name, String email, String role, boolean availableForHire,
        BigDecimal hourlyRate, List<String> expertise, Map<String, Object> metadata, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
