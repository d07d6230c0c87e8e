package dev.hybriddb.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node as a query returned it. {@code elementId} is the backend's internal id (as a string);
 * the application key is {@code properties.get("id")}.
 */
public record GraphNode(String elementId, List<String> labels, Map<String, Object> properties) {
    public GraphNode {
        Objects.requireNonNull(elementId, "elementId");
        labels = List.copyOf(labels);
        properties = Values.immutableMap(properties);
    }

    /** The application key: property {@code id}, or null. */
    public String id() {
        Object id = properties.get("id");
        return id == null ? null : id.toString();
    }

    public String label() {
        return labels.isEmpty() ? null : labels.get(0);
    }
}
