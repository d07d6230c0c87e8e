package dev.hybriddb.sync.internal.projection;

import dev.hybriddb.sync.internal.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads projected rows of one tenant. Keys and values travel as one JSON parameter that
 * {@code jsonb_populate_recordset(NULL::table, ...)} turns into rows of the table's own type, so
 * every comparison uses the column's real type (and its index). The connection's transaction has
 * the tenant set (row-level security); the explicit tenant filter also covers tables without RLS.
 */
public final class SourceReader {
    private SourceReader() {}

    /** Rows whose key is among {@code keys} (each a map of key column to value). */
    public static List<SourceRow> byKeys(Connection c, UUID tenant, TableShape t, Collection<Map<String, Object>> keys)
            throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        String on = t.keyColumns().stream().map(k -> "t." + q(k) + " = k." + q(k)).collect(Collectors.joining(" AND "));
        String sql = select(t) + " JOIN jsonb_populate_recordset(NULL::" + table(t.table()) + ", ?::jsonb) k ON " + on
                + " WHERE t." + q(t.tenantColumn()) + " = ?::uuid";
        return run(c, t, sql, Json.write(keys), tenant.toString());
    }

    /** Rows whose {@code column} holds one of {@code values} (key text). */
    public static List<SourceRow> byColumn(Connection c, UUID tenant, TableShape t, String column, Collection<String> values)
            throws SQLException {
        if (values.isEmpty()) {
            return List.of();
        }
        Names.column(column);
        List<Map<String, Object>> json = values.stream().distinct().map(v -> Map.<String, Object>of(column, v)).toList();
        String sql = select(t) + " WHERE t." + q(t.tenantColumn()) + " = ?::uuid AND t." + q(column)
                + " IN (SELECT k." + q(column) + " FROM jsonb_populate_recordset(NULL::" + table(t.table()) + ", ?::jsonb) k)";
        return run(c, t, sql, tenant.toString(), Json.write(json));
    }

    /** The next page in key order after {@code afterKeyJson} (null: the first page). */
    public static List<SourceRow> page(Connection c, UUID tenant, TableShape t, String afterKeyJson, int limit)
            throws SQLException {
        String keys = t.keyColumns().stream().map(k -> "t." + q(k)).collect(Collectors.joining(", "));
        String kk = t.keyColumns().stream().map(k -> "k." + q(k)).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder(select(t)).append(" WHERE t.").append(q(t.tenantColumn())).append(" = ?::uuid");
        if (afterKeyJson != null) {
            sql.append(" AND (").append(keys).append(") > (SELECT ").append(kk)
                    .append(" FROM jsonb_populate_record(NULL::").append(table(t.table())).append(", ?::jsonb) k)");
        }
        sql.append(" ORDER BY ").append(keys).append(" LIMIT ").append(Math.max(1, limit));
        return afterKeyJson == null ? run(c, t, sql.toString(), tenant.toString())
                : run(c, t, sql.toString(), tenant.toString(), afterKeyJson);
    }

    /**
     * For a join table: per (owner, other) pair of the given owners, the row that sorts last by
     * {@code latestBy} (any one when null).
     */
    public static List<SourceRow> latestPerPair(Connection c, UUID tenant, TableShape t, String ownerColumn,
                                                String otherColumn, String latestBy, Collection<String> owners)
            throws SQLException {
        if (owners.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> json = owners.stream().distinct().map(v -> Map.<String, Object>of(ownerColumn, v)).toList();
        String pair = "t." + q(ownerColumn) + ", t." + q(otherColumn);
        String sql = "SELECT DISTINCT ON (" + pair + ") " + columns(t) + " FROM " + table(t.table()) + " t WHERE t."
                + q(t.tenantColumn()) + " = ?::uuid AND t." + q(ownerColumn) + " IN (SELECT k." + q(ownerColumn)
                + " FROM jsonb_populate_recordset(NULL::" + table(t.table()) + ", ?::jsonb) k) AND t." + q(otherColumn)
                + " IS NOT NULL ORDER BY " + pair + (latestBy == null ? "" : ", t." + q(latestBy) + " DESC NULLS LAST");
        return run(c, t, sql, tenant.toString(), Json.write(json));
    }

    /** Counts the tenant's rows. */
    public static long count(Connection c, UUID tenant, TableShape t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table(t.table()) + " WHERE "
                + q(t.tenantColumn()) + " = ?::uuid")) {
            ps.setString(1, tenant.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The key map of a node id text ({@code ':'} between the values of several key columns). */
    public static Map<String, Object> keyOf(List<String> keyColumns, String id) {
        String[] parts = keyColumns.size() == 1 ? new String[] {id} : id.split(":", keyColumns.size());
        Map<String, Object> key = new LinkedHashMap<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            key.put(keyColumns.get(i), i < parts.length ? parts[i] : null);
        }
        return key;
    }

    private static String select(TableShape t) {
        return "SELECT " + columns(t) + " FROM " + table(t.table()) + " t";
    }

    private static String columns(TableShape t) {
        String cols = t.columns().stream().map(col -> "t." + q(col)).collect(Collectors.joining(", "));
        String key = t.keyColumns().stream().map(k -> "'" + k + "', t." + q(k)).collect(Collectors.joining(", "));
        return cols + ", jsonb_build_object(" + key + ")::text";
    }

    private static List<SourceRow> run(Connection c, TableShape t, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<SourceRow> out = new ArrayList<>();
                int n = t.columns().size();
                String[] types = JdbcValues.typeNames(rs, n);
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        values.put(t.columns().get(i), JdbcValues.read(rs, i + 1, types[i]));
                    }
                    String id = t.keyColumns().stream().map(k -> String.valueOf(values.get(k))).collect(Collectors.joining(":"));
                    out.add(new SourceRow(id, rs.getString(n + 1), values));
                }
                return out;
            }
        }
    }

    /** A projected table, named with its schema so that no session setting can redirect the read. */
    public static String table(String name) {
        return "public." + q(name);
    }

    public static String q(String ident) {
        return "\"" + ident + "\"";
    }
}
