package dev.hybriddb.sync.projection;

import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.sync.internal.projection.Names;
import java.util.Objects;

/**
 * An edge derived from a foreign key column of a node table: one edge per row whose column is not
 * null, to (or from) the node of the referenced row. The row holding the column owns the edge:
 * when the column changes, the row's edge of this type is replaced.
 */
public record ForeignKeyEdge(String column, EdgeType type, Direction direction) {
    public ForeignKeyEdge {
        Names.column(column);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
    }

    /** The label of the referenced node. */
    public String targetLabel() {
        return direction == Direction.OUTGOING ? type.toLabel() : type.fromLabel();
    }

    /** The label of the node holding the column. */
    public String ownerLabel() {
        return direction == Direction.OUTGOING ? type.fromLabel() : type.toLabel();
    }
}
