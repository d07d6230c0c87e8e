package dev.hybriddb.graph;

import java.util.Map;
import java.util.Objects;

/**
 * An edge to upsert, from the node keyed {@code fromId} to the node keyed {@code toId}. An edge
 * is identified by (type, from, to): upserting it twice leaves one edge.
 */
public record EdgeRecord(String fromId, String toId, Map<String, Object> properties) {
    public EdgeRecord {
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(toId, "toId");
        properties = Values.immutableMap(properties);
    }

    public static EdgeRecord of(String fromId, String toId) {
        return new EdgeRecord(fromId, toId, Map.of());
    }
}
