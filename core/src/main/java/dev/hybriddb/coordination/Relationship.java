package dev.hybriddb.coordination;

import dev.hybriddb.graph.Identifiers;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An edge between a synced entity and another node: its type, the other node's type (label) and
 * key, and whether it points from the entity to the target ({@link #to}) or back ({@link #from}).
 * Keys are strings for the reason given on {@link EntitySync}; an agent or task target is keyed by
 * its UUID (the UUID overloads write its text form).
 */
public record Relationship(String type, String targetType, String targetId, boolean outgoing,
                           Map<String, Object> properties) {
    public Relationship {
        Identifiers.label(type);
        Identifiers.label(targetType);
        Objects.requireNonNull(targetId, "targetId");
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }

    /** {@code (entity)-[type]->(target)}. */
    public static Relationship to(String type, String targetType, String targetId) {
        return new Relationship(type, targetType, targetId, true, Map.of());
    }

    /** {@code (entity)-[type]->(target)}, the target keyed by a UUID. */
    public static Relationship to(String type, String targetType, UUID targetId) {
        return to(type, targetType, Objects.requireNonNull(targetId, "targetId").toString());
    }

    /** {@code (target)-[type]->(entity)}. */
    public static Relationship from(String type, String targetType, String targetId) {
        return new Relationship(type, targetType, targetId, false, Map.of());
    }

    /** {@code (target)-[type]->(entity)}, the target keyed by a UUID. */
    public static Relationship from(String type, String targetType, UUID targetId) {
        return from(type, targetType, Objects.requireNonNull(targetId, "targetId").toString());
    }
}
