package dev.hybriddb.coordination.internal;

import dev.hybriddb.graph.EdgeType;
import java.util.Set;

/** The edges of HybridDB's graph model (labels and directions), used to orient synced relationships. */
public final class GraphModel {
    public static final Set<EdgeType> EDGES = Set.of(
            EdgeType.of("User", "OWNS", "Team"),
            EdgeType.of("User", "OWNS", "KanbanBoard"),
            EdgeType.of("User", "MEMBER_OF", "Team"),
            EdgeType.of("Task", "BELONGS_TO", "TaskState"),
            EdgeType.of("TaskState", "BELONGS_TO", "KanbanBoard"),
            EdgeType.of("Task", "DEPENDS_ON", "Task"),
            EdgeType.of("Agent", "ASSIGNED_TO", "Task"),
            EdgeType.of("Agent", "MANAGES", "Agent"),
            EdgeType.of("Agent", "COORDINATES", "Task"),
            EdgeType.of("Agent", "EXECUTED", "Task"),
            EdgeType.of("Agent", "MEMBER_OF", "Swarm"),
            EdgeType.of("Agent", "HAS_ACCESS_TO", "ApiKey"),
            EdgeType.of("Project", "DEPENDS_ON", "Project"));

    private GraphModel() {}

    /**
     * The edge as the model orients it: {@code (from)-[type]->(to)} if the model has it or does not
     * know it, the reverse if only the reverse is in the model.
     */
    public static boolean reversed(String fromLabel, String type, String toLabel) {
        return !EDGES.contains(EdgeType.of(fromLabel, type, toLabel)) && EDGES.contains(EdgeType.of(toLabel, type, fromLabel));
    }
}
