package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A tenant (table {@code tenants}); a tenant sees only its own row. */
public record Tenant(UUID id, String name, String slug, TenantType type, TenantStatus status, UUID ownerUserId,
        String ownerEmail, String ownerName, Map<String, Object> settings, Map<String, Object> quotas,
        Map<String, Object> usage, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
