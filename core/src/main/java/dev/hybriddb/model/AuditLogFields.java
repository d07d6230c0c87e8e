package dev.hybriddb.model;

import java.util.Map;

/**
 * An audit entry to append; {@code action} is required, {@code actorType} is one of
 * {@code user, agent, system, api_key} (default {@code system}), {@code ipAddress} an IP address.
 */
public record AuditLogFields(String actorType, String actorId, String action, String resourceType, String resourceId,
        Map<String, Object> details, String ipAddress, String userAgent) {
    /** An action by an actor on a resource. */
    public static AuditLogFields of(String actorType, String actorId, String action, String resourceType,
            String resourceId) {
        return new AuditLogFields(actorType, actorId, action, resourceType, resourceId, null, null, null);
    }
}
