package dev.hybriddb.graph;

import java.util.Map;
import java.util.Objects;

/** A relationship as a query returned it; start and end are the nodes' element ids. */
public record GraphEdge(String elementId, String type, String startElementId, String endElementId,
                        Map<String, Object> properties) {
    public GraphEdge {
        Objects.requireNonNull(elementId, "elementId");
        Objects.requireNonNull(type, "type");
        properties = Values.immutableMap(properties);
    }
}
