package dev.hybriddb.sync.projection;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.sync.internal.projection.Names;
import dev.hybriddb.sync.reconcile.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table whose rows are edges: {@code (fromColumn's node)-[type]->(toColumn's node)}, with
 * the mapped columns as edge properties. Several rows for the same pair make one edge (the graph
 * keeps one edge per type and pair): the row that sorts last by {@code latestBy} (or any row when
 * null) gives the properties.
 *
 * <p>The {@code owner} side groups the edges: a change re-derives all edges of the owning node
 * from PostgreSQL. Pick the side with fewer rows per node (e.g. the task for executions).
 */
public record JoinTableEdge(String table, List<String> keyColumns, String tenantColumn, EdgeType type,
                            String fromColumn, String toColumn, List<PropertyMapping> properties,
                            String latestBy, Side owner) {
    public JoinTableEdge {
        Names.table(table);
        keyColumns = List.copyOf(keyColumns);
        if (keyColumns.isEmpty()) {
            throw new InvalidInputException("keyColumns", table, "must name at least one key column");
        }
        keyColumns.forEach(Names::column);
        Names.column(tenantColumn);
        Objects.requireNonNull(type, "type");
        Names.column(fromColumn);
        Names.column(toColumn);
        properties = List.copyOf(properties);
        if (latestBy != null) {
            Names.column(latestBy);
        }
        Objects.requireNonNull(owner, "owner");
    }

    /** The column holding the owning node's key. */
    public String ownerColumn() {
        return owner == Side.FROM ? fromColumn : toColumn;
    }

    /** The column holding the other node's key. */
    public String otherColumn() {
        return owner == Side.FROM ? toColumn : fromColumn;
    }

    public String ownerLabel() {
        return owner == Side.FROM ? type.fromLabel() : type.toLabel();
    }

    public String otherLabel() {
        return owner == Side.FROM ? type.toLabel() : type.fromLabel();
    }

    /** Every column the projection reads from this table. */
    public List<String> columns() {
        List<String> cols = new ArrayList<>(keyColumns);
        for (String c : List.of(tenantColumn, fromColumn, toColumn)) {
            if (!cols.contains(c)) cols.add(c);
        }
        properties.forEach(p -> { if (!cols.contains(p.column())) cols.add(p.column()); });
        if (latestBy != null && !cols.contains(latestBy)) cols.add(latestBy);
        return cols;
    }
}
