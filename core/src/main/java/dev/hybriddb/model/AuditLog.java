package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One audit log entry (table {@code audit_logs}); entries are only appended. {@code userId} is the
 * acting user of the transaction that wrote it ({@link dev.hybriddb.TenantContext#asUser}), set by
 * the database, null without one.
 */
public record AuditLog(UUID id, UUID tenantId, String actorType, String actorId, String action, String resourceType,
        String resourceId, Map<String, Object> details, String ipAddress, String userAgent, OffsetDateTime createdAt,
        UUID userId) {}
