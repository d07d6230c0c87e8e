package dev.hybriddb.model;

import java.util.Map;
import java.util.UUID;

/** Writable tenant fields; {@code name} and {@code slug} are required to create. */
public record TenantFields(String name, String slug, TenantType type, TenantStatus status, UUID ownerUserId,
        String ownerEmail, String ownerName, Map<String, Object> settings, Map<String, Object> quotas) {
    /** A tenant with a name and a unique slug. */
    public static TenantFields of(String name, String slug) {
        return new TenantFields(name, slug, null, null, null, null, null, null, null);
    }

    /** The same fields with {@code name} set to {@code v}. */
    public TenantFields withName(String v) {
        return new TenantFields(v, slug, type, status, ownerUserId, ownerEmail, ownerName, settings, quotas);
    }

    /** The same fields with {@code slug} set to {@code v}. */
    public TenantFields withSlug(String v) {
        return new TenantFields(name, v, type, status, ownerUserId, ownerEmail, ownerName, settings, quotas);
    }

    /** The same fields with {@code type} set to {@code v}. */
    public TenantFields withType(TenantType v) {
        return new TenantFields(name, slug, v, status, ownerUserId, ownerEmail, ownerName, settings, quotas);
    }

    /** The same fields with {@code status} set to {@code v}. */
    public TenantFields withStatus(TenantStatus v) {
        return new TenantFields(name, slug, type, v, ownerUserId, ownerEmail, ownerName, settings, quotas);
    }

    /** The same fields with {@code ownerUserId} set to {@code v}. */
    public TenantFields withOwnerUserId(UUID v) {
        return new TenantFields(name, slug, type, status, v, ownerEmail, ownerName, settings, quotas);
    }

    /** The same fields with {@code ownerEmail} set to {@code v}. */
    public TenantFields withOwnerEmail(String v) {
        return new TenantFields(name, slug, type, status, ownerUserId, v, ownerName, settings, quotas);
    }

    /** The same fields with {@code ownerName} set to {@code v}. */
    public TenantFields withOwnerName(String v) {
        return new TenantFields(name, slug, type, status, ownerUserId, ownerEmail, v, settings, quotas);
    }

    /** The same fields with {@code settings} set to {@code v}. */
    public TenantFields withSettings(Map<String, Object> v) {
        return new TenantFields(name, slug, type, status, ownerUserId, ownerEmail, ownerName, v, quotas);
    }

    /** The same fields with {@code quotas} set to {@code v}. */
    public TenantFields withQuotas(Map<String, Object> v) {
        return new TenantFields(name, slug, type, status, ownerUserId, ownerEmail, ownerName, settings, v);
    }
}
