package dev.hybriddb.graph;

import java.util.Objects;

/**
 * An edge type seen from one of its ends, the "owner": the {@code from} end when
 * {@code ownerIsFrom}, else the {@code to} end. A foreign key column gives its row's node such
 * a side, e.g. {@code tasks.assigned_agent_id} the {@code to} side of
 * {@code (Agent)-[ASSIGNED_TO]->(Task)}.
 */
public record EdgeSide(EdgeType type, boolean ownerIsFrom) {
    public EdgeSide {
        Objects.requireNonNull(type, "type");
    }

    /** The label of the owner's node. */
    public String ownerLabel() {
        return ownerIsFrom ? type.fromLabel() : type.toLabel();
    }

    /** The label of the node at the other end. */
    public String otherLabel() {
        return ownerIsFrom ? type.toLabel() : type.fromLabel();
    }
}
