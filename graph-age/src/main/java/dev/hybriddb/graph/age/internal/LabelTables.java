package dev.hybriddb.graph.age.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batched writes straight into AGE's label tables, one chunk of keys per statement.
 *
 * <p>Why not Cypher: in AGE 1.5 the executor of {@code SET} and {@code DELETE} finds each entity
 * it changes with a heap scan of the whole label table ({@code table_beginscan} with a key on
 * {@code id}, no index), so a chunk of n updates costs n full scans and upserts slow down
 * linearly as the graph grows; {@code MERGE ... SET} also loses properties of entities created
 * in the same statement (apache/age#1709). A label is a plain table ({@code id graphid} from the
 * label's sequence, {@code properties agtype}; edges also {@code start_id}, {@code end_id}), so
 * rows are found through the key indexes ({@link AgeSchema}), merged here ({@code +=} semantics:
 * a null value removes a property), updated by {@code ctid} and inserted with the defaults AGE
 * itself uses. Unchanged rows are not rewritten. Keys are looked up one at a time through
 * {@code CROSS JOIN LATERAL (SELECT ... WHERE key = k OFFSET 0)}: as a plain join with a few
 * hundred keys PostgreSQL may prefer to hash the whole label table, a cost that grows with the
 * graph instead of the change.
 */
final class LabelTables {
    private LabelTables() {}

    /** One stored row: its ctid and properties. */
    record Row(String ctid, Map<String, Object> properties) {}

    /** Applies property changes to the nodes keyed {@code ids}, creating those that are missing. */
    static void upsertNodes(Connection c, String table, List<String> ids, List<Map<String, Object>> changes) throws SQLException {
        Map<Integer, List<Row>> existing = nodesByKey(c, table, ids);
        List<String> ctids = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<Row> rows = existing.get(i);
            if (rows == null) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("id", ids.get(i));
                created.add(AgtypeWriter.stored(merge(props, changes.get(i))));
                continue;
            }
            for (Row r : rows) {
                Map<String, Object> merged = merge(r.properties(), changes.get(i));
                if (!merged.equals(r.properties())) {
                    ctids.add(r.ctid());
                    updated.add(AgtypeWriter.stored(merged));
                }
            }
        }
        update(c, table, ctids, updated);
        if (!created.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                    + " (properties) SELECT p::ag_catalog.agtype FROM unnest(?::text[]) AS u(p)")) {
                ps.setArray(1, texts(c, created));
                ps.executeUpdate();
            }
        }
    }

    /** The rows of the nodes keyed {@code ids} (locked), by index into {@code ids}. */
    private static Map<Integer, List<Row>> nodesByKey(Connection c, String table, List<String> ids) throws SQLException {
        String sql = "SELECT k.i, t.ctid, t.properties FROM unnest(?::text[]) WITH ORDINALITY AS k(key, i)"
                + " CROSS JOIN LATERAL (SELECT t.ctid, t.properties FROM " + table + " t WHERE "
                + AgeSchema.access("t.properties", "id") + " = k.key::ag_catalog.agtype OFFSET 0 FOR UPDATE) t";
        Map<Integer, List<Row>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, texts(c, jsonKeys(ids)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getInt(1) - 1, k -> new ArrayList<>()).add(row(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /**
     * Applies property changes to the edges (from, to) whose endpoints exist, creating missing
     * edges. Returns the indexes of the pairs whose endpoints exist.
     */
    static List<Integer> upsertEdges(Connection c, String fromTable, String toTable, String edgeTable,
                                     List<List<String>> pairs, List<Map<String, Object>> changes) throws SQLException {
        String sql = "SELECT k.i, a.id, b.id, e.ctid, e.properties"
                + " FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS k(f, t, i) "
                + seek("a", fromTable, "k.f") + " " + seek("b", toTable, "k.t")
                + " LEFT JOIN LATERAL (SELECT e.ctid, e.properties FROM " + edgeTable + " e"
                + " WHERE e.start_id = a.id AND e.end_id = b.id OFFSET 0) e ON true";
        List<Integer> present = new ArrayList<>();
        List<String> ctids = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        List<String> created = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, texts(c, jsonKeys(pairs.stream().map(p -> p.get(0)).toList())));
            ps.setArray(2, texts(c, jsonKeys(pairs.stream().map(p -> p.get(1)).toList())));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = rs.getInt(1) - 1;
                    present.add(i);
                    if (rs.getString(4) == null) {
                        starts.add(rs.getString(2));
                        ends.add(rs.getString(3));
                        created.add(AgtypeWriter.stored(merge(Map.of(), changes.get(i))));
                        continue;
                    }
                    Row r = row(rs.getString(4), rs.getString(5));
                    Map<String, Object> merged = merge(r.properties(), changes.get(i));
                    if (!merged.equals(r.properties())) {
                        ctids.add(r.ctid());
                        updated.add(AgtypeWriter.stored(merged));
                    }
                }
            }
        }
        update(c, edgeTable, ctids, updated);
        if (!created.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + edgeTable + " (start_id, end_id, properties)"
                    + " SELECT s::ag_catalog.graphid, e::ag_catalog.graphid, p::ag_catalog.agtype"
                    + " FROM unnest(?::text[], ?::text[], ?::text[]) AS u(s, e, p)")) {
                ps.setArray(1, texts(c, starts));
                ps.setArray(2, texts(c, ends));
                ps.setArray(3, texts(c, created));
                ps.executeUpdate();
            }
        }
        return present;
    }

    /** Deletes the nodes keyed {@code ids} and every edge touching them. Returns the nodes deleted. */
    static int deleteNodes(Connection c, String graph, String table, List<String> ids) throws SQLException {
        String sql = "WITH doomed AS (SELECT t.ctid AS tid, t.id FROM unnest(?::text[]) AS k(key) CROSS JOIN LATERAL"
                + " (SELECT t.ctid, t.id FROM " + table + " t WHERE " + AgeSchema.access("t.properties", "id")
                + " = k.key::ag_catalog.agtype OFFSET 0) t),"
                + " edges AS (DELETE FROM " + AgeSchema.quote(graph) + "._ag_label_edge e USING doomed d"
                + " WHERE e.start_id = d.id OR e.end_id = d.id)"
                + " DELETE FROM " + table + " t USING doomed d WHERE t.ctid = d.tid";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, texts(c, jsonKeys(ids)));
            return ps.executeUpdate();
        }
    }

    /** Deletes the edges (from, to) given. Returns how many were deleted. */
    static int deleteEdges(Connection c, String fromTable, String toTable, String edgeTable, List<List<String>> pairs)
            throws SQLException {
        String sql = "DELETE FROM " + edgeTable + " e USING unnest(?::text[], ?::text[]) AS k(f, t) "
                + seek("a", fromTable, "k.f") + " " + seek("b", toTable, "k.t")
                + " WHERE e.start_id = a.id AND e.end_id = b.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, texts(c, jsonKeys(pairs.stream().map(p -> p.get(0)).toList())));
            ps.setArray(2, texts(c, jsonKeys(pairs.stream().map(p -> p.get(1)).toList())));
            return ps.executeUpdate();
        }
    }

    /**
     * Deletes, at each owner keyed {@code owners}, the edges of {@code edgeTable} to nodes of label
     * {@code otherLabel} other than those kept (pairs {@code keptOwners[i]}, {@code keptOthers[i]}).
     * Owners and kept ends are found through the {@code id} index one key at a time, edges through
     * their end index, and the far end's label from its graph id: nothing is scanned.
     */
    static int deleteEdgesExcept(Connection c, String graph, String ownerTable, String otherLabel, String edgeTable,
                                 boolean ownerIsFrom, List<String> owners, List<String> keptOwners, List<String> keptOthers)
            throws SQLException {
        String otherTable = AgeSchema.table(graph, otherLabel);
        try (PreparedStatement ps = c.prepareStatement(deleteEdgesExceptSql(ownerTable, otherTable, edgeTable, ownerIsFrom))) {
            ps.setArray(1, texts(c, jsonKeys(owners)));
            ps.setArray(2, texts(c, jsonKeys(keptOwners)));
            ps.setArray(3, texts(c, jsonKeys(keptOthers)));
            ps.setString(4, graph);
            ps.setString(5, otherLabel);
            return ps.executeUpdate();
        }
    }

    /**
     * The statement of {@link #deleteEdgesExcept}; parameters: owner keys, kept owner keys, kept
     * other keys, graph name, other label. The key lookups are {@code LATERAL (... OFFSET 0)}
     * subqueries so that the planner cannot turn them into a hash join over the whole label.
     */
    static String deleteEdgesExceptSql(String ownerTable, String otherTable, String edgeTable, boolean ownerIsFrom) {
        String own = ownerIsFrom ? "start_id" : "end_id";
        String far = ownerIsFrom ? "end_id" : "start_id";
        return "WITH o AS (SELECT t.id FROM unnest(?::text[]) AS k(key) " + seek("t", ownerTable, "k.key") + "),"
                + " kept AS (SELECT a.id AS owner, b.id AS other FROM unnest(?::text[], ?::text[]) AS k(o, f) "
                + seek("a", ownerTable, "k.o") + " " + seek("b", otherTable, "k.f") + ")"
                + " DELETE FROM " + edgeTable + " e USING o"
                + " WHERE e." + own + " = o.id"
                + " AND ag_catalog._extract_label_id(e." + far + ") = ag_catalog._label_id(?::name, ?::name)"
                + " AND NOT EXISTS (SELECT 1 FROM kept WHERE kept.owner = e." + own + " AND kept.other = e." + far + ")";
    }

    /** {@code CROSS JOIN LATERAL (SELECT v.id FROM table v WHERE v.id-property = key OFFSET 0) v}: one index seek per key. */
    private static String seek(String alias, String table, String key) {
        return "CROSS JOIN LATERAL (SELECT " + alias + ".id FROM " + table + " " + alias + " WHERE "
                + AgeSchema.access(alias + ".properties", "id") + " = " + key + "::ag_catalog.agtype OFFSET 0) " + alias;
    }

    private static void update(Connection c, String table, List<String> ctids, List<String> props) throws SQLException {
        if (ctids.isEmpty()) {
            return;
        }
        // the ANY condition lets PostgreSQL fetch the rows by ctid (a Tid Scan) instead of hashing the whole table
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " t SET properties = u.p::ag_catalog.agtype"
                + " FROM unnest(?::text[], ?::text[]) AS u(tid, p) WHERE t.ctid = u.tid::tid AND t.ctid = ANY(?::tid[])")) {
            ps.setArray(1, texts(c, ctids));
            ps.setArray(2, texts(c, props));
            ps.setArray(3, texts(c, ctids));
            ps.executeUpdate();
        }
    }

    /** {@code old += changes}: a null change removes the property. */
    static Map<String, Object> merge(Map<String, Object> old, Map<String, Object> changes) {
        Map<String, Object> out = new LinkedHashMap<>(old);
        changes.forEach((k, v) -> {
            if (v == null) {
                out.remove(k);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Row row(String ctid, String properties) {
        Object p = AgtypeReader.read(properties);
        return new Row(ctid, p instanceof Map ? (Map<String, Object>) p : Map.of());
    }

    private static List<String> jsonKeys(List<String> keys) {
        return keys.stream().map(AgtypeWriter::json).toList();
    }

    private static Array texts(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(new String[0]));
    }
}
