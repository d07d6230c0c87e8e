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

    /** The same fields with {@code actorType} set to {@code v}. */
    public AuditLogFields withActorType(String v) {
        return new AuditLogFields(v, actorId, action, resourceType, resourceId, details, ipAddress, userAgent);
    }

    /** The same fields with {@code actorId} set to {@code v}. */
    public AuditLogFields withActorId(String v) {
        return new AuditLogFields(actorType, v, action, resourceType, resourceId, details, ipAddress, userAgent);
    }

    /** The same fields with {@code action} set to {@code v}. */
    public AuditLogFields withAction(String v) {
        return new AuditLogFields(actorType, actorId, v, resourceType, resourceId, details, ipAddress, userAgent);
    }

    /** The same fields with {@code resourceType} set to {@code v}. */
    public AuditLogFields withResourceType(String v) {
        return new AuditLogFields(actorType, actorId, action, v, resourceId, details, ipAddress, userAgent);
    }

    /** The same fields with {@code resourceId} set to {@code v}. */
    public AuditLogFields withResourceId(String v) {
        return new AuditLogFields(actorType, actorId, action, resourceType, v, details, ipAddress, userAgent);
    }

    /** The same fields with {@code details} set to {@code v}. */
    public AuditLogFields withDetails(Map<String, Object> v) {
        return new AuditLogFields(actorType, actorId, action, resourceType, resourceId, v, ipAddress, userAgent);
    }

    /** The same fields with {@code ipAddress} set to {@code v}. */
    public AuditLogFields withIpAddress(String v) {
        return new AuditLogFields(actorType, actorId, action, resourceType, resourceId, details, v, userAgent);
    }

    /** The same fields with {@code userAgent} set to {@code v}. */
    public AuditLogFields withUserAgent(String v) {
        return new AuditLogFields(actorType, actorId, action, resourceType, resourceId, details, ipAddress, v);
    }
}
