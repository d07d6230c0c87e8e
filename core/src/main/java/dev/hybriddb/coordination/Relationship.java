package dev.hybriddb.coordination;

import dev.hybriddb.graph.Identifiers;
import java.util.Map;
import java.util.Objects;

/**
 * An edge between a synced entity and another node: its type, the other node's type (label) and
 * key, and whether it points from the entity to the target ({@link #to}) or back ({@link #from}).
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

    /** {@code (target)-[type]->(entity)}. */
    public static Relationship from(String type, String targetType, String targetId) {
        return new Relationship(type, targetType, targetId, false, Map.of());
    }
}
