package dev.hybriddb.graph;

import java.util.List;

/** A path: n nodes and n-1 edges, in order. */
public record GraphPath(List<GraphNode> nodes, List<GraphEdge> edges) {
    public GraphPath {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public int length() {
        return edges.size();
    }
}
