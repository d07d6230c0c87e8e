package dev.hybriddb.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of a graph query: column names and plain Java values (String, Long, Double, Boolean,
 * List, Map, {@link GraphNode}, {@link GraphEdge}, {@link GraphPath}, or null).
 */
public final class GraphRow {
    private final List<String> columns;
    private final List<Object> values;

    public GraphRow(List<String> columns, List<?> values) {
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException("columns " + columns + " and " + values.size() + " values differ in size");
        }
        this.columns = List.copyOf(columns);
        this.values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    public List<String> columns() { return columns; }

    public List<Object> values() { return values; }

    public Object get(int index) { return values.get(index); }

    public Object get(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in " + columns);
        }
        return values.get(i);
    }

    public String getString(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    public Long getLong(String column) {
        Object v = get(column);
        return v == null ? null : ((Number) v).longValue();
    }

    public Double getDouble(String column) {
        Object v = get(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public Boolean getBoolean(String column) {
        return (Boolean) get(column);
    }

    public GraphNode getNode(String column) {
        return (GraphNode) get(column);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphRow r && columns.equals(r.columns) && values.equals(r.values);
    }

    @Override
    public int hashCode() { return Objects.hash(columns, values); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(columns.get(i)).append('=').append(values.get(i));
        }
        return sb.append('}').toString();
    }
}
