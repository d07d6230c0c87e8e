package dev.hybriddb.sync.projection;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.sync.internal.projection.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A table projected as nodes of one label: the node key {@code id} is the primary key as text
 * (key columns joined with {@code ':'} when there are several), the properties are the mapped
 * columns, and foreign key columns may add edges.
 */
public record NodeMapping(String table, String label, List<String> keyColumns, String tenantColumn,
                          List<PropertyMapping> properties, List<ForeignKeyEdge> edges) {
    public NodeMapping {
        Names.table(table);
        Identifiers.label(label);
        keyColumns = List.copyOf(keyColumns);
        if (keyColumns.isEmpty()) {
            throw new InvalidInputException("keyColumns", table, "must name at least one key column");
        }
        keyColumns.forEach(Names::column);
        Names.column(tenantColumn);
        properties = List.copyOf(properties);
        edges = List.copyOf(edges);
        Set<String> seen = new HashSet<>();
        for (PropertyMapping p : properties) {
            if (!seen.add(p.property())) {
                throw new InvalidInputException("property", table + "." + p.property(), "is mapped twice");
            }
        }
        for (ForeignKeyEdge e : edges) {
            if (!e.ownerLabel().equals(label)) {
                throw new InvalidInputException("edge", e.type().toString(),
                        "must start or end at " + label + ", the label of " + table);
            }
        }
    }

    /** Every column the projection reads from this table (keys, tenant, properties, edges). */
    public List<String> columns() {
        List<String> cols = new ArrayList<>(keyColumns);
        add(cols, tenantColumn);
        properties.forEach(p -> add(cols, p.column()));
        edges.forEach(e -> add(cols, e.column()));
        return cols;
    }

    private static void add(List<String> cols, String c) {
        if (!cols.contains(c)) {
            cols.add(c);
        }
    }
}
