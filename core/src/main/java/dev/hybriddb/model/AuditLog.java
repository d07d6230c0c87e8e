package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One audit log entry (table {@code audit_logs}); entries are only appended. */
public record AuditLog(UUID id, UUID tenantId, String actorType, String actorId, String action, String resourceType,
        String resourceId, Map<String, Object> details, String ipAddress, String userAgent, OffsetDateTime createdAt) {}
