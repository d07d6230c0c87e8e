package dev.hybriddb.graph;

import java.util.Map;
import java.util.Objects;

/** A node to upsert: its application key and its properties (the key is stored as {@code id}). */
public record NodeRecord(String id, Map<String, Object> properties) {
    public NodeRecord {
        Objects.requireNonNull(id, "id");
        properties = Values.immutableMap(properties);
    }

    public static NodeRecord of(String id, Map<String, Object> properties) {
        return new NodeRecord(id, properties);
    }
}
