package dev.hybriddb.graph;

import dev.hybriddb.InvalidInputException;
import java.util.Map;

/** A node to upsert: its application key and its properties (the key is stored as {@code id}). */
public record NodeRecord(String id, Map<String, Object> properties) {
    public NodeRecord {
        if (id == null) {
            throw new InvalidInputException("id", null, "is required");
        }
        properties = Values.immutableMap(properties);
    }

    public static NodeRecord of(String id, Map<String, Object> properties) {
        return new NodeRecord(id, properties);
    }
}
