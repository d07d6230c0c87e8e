package dev.hybriddb.graph;

import dev.hybriddb.InvalidInputException;
import java.util.Map;

/**
 * An edge to upsert, from the node keyed {@code fromId} to the node keyed {@code toId}. An edge
 * is identified by (type, from, to): upserting it twice leaves one edge.
 */
public record EdgeRecord(String fromId, String toId, Map<String, Object> properties) {
    public EdgeRecord {
        if (fromId == null) {
            throw new InvalidInputException("fromId", null, "is required");
        }
        if (toId == null) {
            throw new InvalidInputException("toId", null, "is required");
        }
        properties = Values.immutableMap(properties);
    }

    public static EdgeRecord of(String fromId, String toId) {
        return new EdgeRecord(fromId, toId, Map.of());
    }
}
