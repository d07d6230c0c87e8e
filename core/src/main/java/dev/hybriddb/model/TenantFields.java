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
}
