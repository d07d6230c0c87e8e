package dev.hybriddb.model;

import java.util.Map;

/** Writable guest fields; all optional. */
public record GuestFields(String name, String email, String fingerprint, Map<String, Object> metadata) {
    /** A guest known by a fingerprint. */
    public static GuestFields of(String name, String fingerprint) {
        return new GuestFields(name, null, fingerprint, null);
    }
}
