package dev.hybriddb.sync.internal.projection;

import dev.hybriddb.sync.projection.JoinTableEdge;
import dev.hybriddb.sync.projection.NodeMapping;
import java.util.List;

/** What the reader needs to know of a table: its name, key, tenant column and the columns to read. */
public record TableShape(String table, List<String> keyColumns, String tenantColumn, List<String> columns) {
    public TableShape {
        Names.table(table);
        keyColumns = List.copyOf(keyColumns);
        keyColumns.forEach(Names::column);
        Names.column(tenantColumn);
        columns = List.copyOf(columns);
        columns.forEach(Names::column);
    }

    public static TableShape of(NodeMapping m) {
        return new TableShape(m.table(), m.keyColumns(), m.tenantColumn(), m.columns());
    }

    public static TableShape of(JoinTableEdge j) {
        return new TableShape(j.table(), j.keyColumns(), j.tenantColumn(), j.columns());
    }

    /** The same table, reading only its key columns. */
    public TableShape keysOnly() {
        return new TableShape(table, keyColumns, tenantColumn, keyColumns);
    }

    /** The same table, reading its key columns and {@code column}. */
    public TableShape keysOnlyWith(String column) {
        List<String> cols = new java.util.ArrayList<>(keyColumns);
        if (!cols.contains(column)) {
            cols.add(column);
        }
        return new TableShape(table, keyColumns, tenantColumn, cols);
    }
}
