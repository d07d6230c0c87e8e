package dev.hybriddb.model;

import java.util.Map;
import java.util.UUID;

/** Writable app fields; {@code name} is required to create. */
public record AppFields(String name, String description, UUID userId, UUID teamId, Map<String, Object> metadata) {
    /** An app with a name, owned by a user. */
    public static AppFields of(String name, UUID userId) {
        return new AppFields(name, null, userId, null, null);
    }
}
