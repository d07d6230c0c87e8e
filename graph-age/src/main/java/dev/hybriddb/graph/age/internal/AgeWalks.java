package dev.hybriddb.graph.age.internal;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.Walk;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGStatement;

/**
 * Walks ({@link GraphBackend#walk}) as SQL over the label tables, one index seek per key and hop.
 *
 * <p>Why not Cypher: AGE 1.5 plans {@code UNWIND $ids AS k MATCH (a:Task {id: k})-[:DEPENDS_ON]->(b)}
 * as hash joins over the whole edge table and every vertex table (the unwound list is estimated
 * at 1,000 rows), so one level of a breadth-first search costs a scan of the graph. Here each
 * key finds its node through the unique {@code id} index, each hop its edges through the
 * {@code start_id}/{@code end_id} index and the far node through the label's {@code id} index,
 * in {@code CROSS JOIN LATERAL (... OFFSET 0)} subqueries that the planner cannot flatten into
 * hash joins. Walks over labels the graph does
 * not have yet find nothing; the labels are read from AGE's catalog and remembered per graph.
 */
public final class AgeWalks {
    private final Map<String, Map<String, AgeSchema.Kind>> labels = new ConcurrentHashMap<>();

    /** Forgets what is known of a graph's labels (after it was dropped, or a statement failed). */
    public void forget(String graph) {
        labels.remove(graph);
    }

    /** Runs the walks from {@code ids} in one statement; see {@link GraphBackend#walk} for the columns. */
    public List<GraphRow> run(Connection c, int timeoutSeconds, String graph, List<Walk> walks, Collection<String> ids,
                              List<String> properties) throws SQLException {
        Map<String, AgeSchema.Kind> known = labels(c, graph, walks);
        List<String> parts = new ArrayList<>();
        for (int w = 0; w < walks.size(); w++) {
            if (usable(walks.get(w), known)) {
                parts.add(sql(graph, w, walks.get(w), properties));
            }
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        List<String> columns = new ArrayList<>(GraphBackend.WALK_COLUMNS);
        columns.addAll(properties);
        List<GraphRow> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, String.join(" UNION ALL ", parts))) {
            ps.setQueryTimeout(timeoutSeconds);
            Array keys = c.createArrayOf("text", ids.stream().map(AgtypeWriter::json).toArray(String[]::new));
            for (int i = 1; i <= parts.size(); i++) {
                ps.setArray(i, keys);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> values = new ArrayList<>(columns.size());
                    values.add(rs.getInt(1));
                    for (int i = 2; i <= columns.size(); i++) {
                        values.add(AgtypeReader.read(rs.getString(i)));
                    }
                    rows.add(new GraphRow(columns, values));
                }
            }
        }
        return rows;
    }

    /**
     * The start node and both closures ({@link GraphBackend#closures}) in one statement: the
     * start's index seek, then one recursive walk each way; no rows when the start does not exist.
     */
    public List<GraphRow> closures(Connection c, int timeoutSeconds, String graph, String label, String type, String id,
                                   List<String> properties) throws SQLException {
        Walk level = Walk.from(label, new Walk.Step(type, true, label));
        if (!usable(level, labels(c, graph, List.of(level)))) {
            return run(c, timeoutSeconds, graph, List.of(Walk.from(label)), List.of(id), properties);
        }
        return closureRows(c, timeoutSeconds, closuresSql(graph, label, type, properties), graph, label, id, properties, true);
    }

    /** The closure ({@link GraphBackend#closure}) in one recursive statement; see there for the columns. */
    public List<GraphRow> closure(Connection c, int timeoutSeconds, String graph, String label, String type, boolean outgoing,
                                  String id, List<String> properties) throws SQLException {
        Walk level = Walk.from(label, new Walk.Step(type, outgoing, label));
        if (!usable(level, labels(c, graph, List.of(level)))) {
            return List.of();
        }
        return closureRows(c, timeoutSeconds, closureSql(graph, label, type, outgoing, properties), graph, label, id, properties, false);
    }

    /**
     * Runs a closure statement (parameters: graph, label, the start's key) whose columns are the
     * near end's key, the far end's key and the far end's properties, after the walk number when
     * {@code numbered} (otherwise walk 0).
     */
    private static List<GraphRow> closureRows(Connection c, int timeoutSeconds, String sql, String graph, String label, String id,
                                              List<String> properties, boolean numbered) throws SQLException {
        List<String> columns = new ArrayList<>(GraphBackend.WALK_COLUMNS);
        columns.addAll(properties);
        int first = numbered ? 2 : 1;
        List<GraphRow> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql)) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setString(1, graph);
            ps.setString(2, label);
            ps.setString(3, AgtypeWriter.json(id));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> values = new ArrayList<>(columns.size());
                    values.add(numbered ? rs.getInt(1) : 0);
                    values.add(AgtypeReader.read(rs.getString(first)));
                    values.add(null);
                    for (int i = first + 1; i <= first + 1 + properties.size(); i++) {
                        values.add(AgtypeReader.read(rs.getString(i)));
                    }
                    rows.add(new GraphRow(columns, values));
                }
            }
        }
        return rows;
    }

    /**
     * A statement that PostgreSQL plans for its values on every execution (pgjdbc's unnamed
     * statement): a generic plan of these walks loses the keys' index seeks on AGE's agtype
     * expressions.
     */
    static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return ps;
    }

    /**
     * The closure's statement; parameters: graph name, label, the start's key as a JSON string. A
     * recursive query over the edge table, each step an index seek on {@code start_id} (or
     * {@code end_id}) from the nodes reached so far, keeping to nodes of the label (by the label
     * id in their graph id); {@code UNION} visits each edge once, also around cycles.
     */
    static String closureSql(String graph, String label, String type, boolean outgoing, List<String> properties) {
        return "WITH RECURSIVE " + start(graph, label) + ", " + recursive("r", graph, type, outgoing) + " "
                + edges(null, "r", graph, label, properties);
    }

    /**
     * Both closures and the start in one statement, the walk number first: 0 the start (its key
     * twice, then its properties), 1 the closure along the edges, 2 against them; parameters as
     * {@link #closureSql}.
     */
    static String closuresSql(String graph, String label, String type, List<String> properties) {
        StringBuilder sql = new StringBuilder("WITH RECURSIVE ").append(start(graph, label)).append(", ")
                .append(recursive("down", graph, type, true)).append(", ").append(recursive("up", graph, type, false))
                .append(" SELECT 0, ").append(AgeSchema.access("s.properties", "id")).append(", ")
                .append(AgeSchema.access("s.properties", "id"));
        for (String p : properties) {
            sql.append(", ").append(AgeSchema.access("s.properties", p));
        }
        return sql.append(" FROM s UNION ALL ").append(edges(1, "down", graph, label, properties))
                .append(" UNION ALL ").append(edges(2, "up", graph, label, properties)).toString();
    }

    /** The label's id ({@code l}) and the start node ({@code s}), an index seek on its key. */
    private static String start(String graph, String label) {
        return "l AS (SELECT ag_catalog._label_id(?::name, ?::name) AS id), s AS (SELECT n0.id, n0.properties FROM "
                + AgeSchema.table(graph, label) + " n0 WHERE " + AgeSchema.access("n0.properties", "id")
                + " = ?::ag_catalog.agtype OFFSET 0)";
    }

    /** The recursive walk {@code name(near, far)} from {@code s}, one index seek per step. */
    private static String recursive(String name, String graph, String type, boolean outgoing) {
        String near = outgoing ? "start_id" : "end_id";
        String far = outgoing ? "end_id" : "start_id";
        String step = "SELECT e." + near + " AS near, e." + far + " AS far FROM " + AgeSchema.table(graph, type) + " e WHERE e."
                + near + " = %s AND ag_catalog._extract_label_id(e." + far + ") = (SELECT id FROM l) OFFSET 0";
        return name + "(near, far) AS (SELECT e.near, e.far FROM s CROSS JOIN LATERAL (" + String.format(step, "s.id")
                + ") e UNION SELECT e.near, e.far FROM " + name + " w CROSS JOIN LATERAL (" + String.format(step, "w.far") + ") e)";
    }

    /** The walk's edges: near key, far key, far properties (after {@code walk} when not null). */
    private static String edges(Integer walk, String name, String graph, String label, List<String> properties) {
        String nodes = AgeSchema.table(graph, label);
        StringBuilder sql = new StringBuilder("SELECT ").append(walk == null ? "" : walk + ", ")
                .append(AgeSchema.access("a.properties", "id")).append(", ").append(AgeSchema.access("b.properties", "id"));
        for (String p : properties) {
            sql.append(", ").append(AgeSchema.access("b.properties", p));
        }
        return sql.append(" FROM ").append(name).append(" w CROSS JOIN LATERAL (SELECT a.properties FROM ").append(nodes)
                .append(" a WHERE a.id = w.near OFFSET 0) a CROSS JOIN LATERAL (SELECT b.properties FROM ").append(nodes)
                .append(" b WHERE b.id = w.far OFFSET 0) b").toString();
    }

    /** The graph's label kinds, read again from the catalog when a walk names a label not seen yet. */
    private Map<String, AgeSchema.Kind> labels(Connection c, String graph, List<Walk> walks) throws SQLException {
        Map<String, AgeSchema.Kind> known = labels.get(graph);
        if (known != null && walks.stream().allMatch(w -> usable(w, known))) {
            return known;
        }
        Map<String, AgeSchema.Kind> read = new HashMap<>();
        String sql = "SELECT l.name, l.kind FROM ag_catalog.ag_label l JOIN ag_catalog.ag_graph g ON l.graph = g.graphid"
                + " WHERE g.name = ?::name";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, graph);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    read.put(rs.getString(1), "e".equals(rs.getString(2)) ? AgeSchema.Kind.EDGE : AgeSchema.Kind.VERTEX);
                }
            }
        }
        labels.put(graph, Map.copyOf(read));
        return read;
    }

    private static boolean usable(Walk walk, Map<String, AgeSchema.Kind> known) {
        if (known.get(walk.startLabel()) != AgeSchema.Kind.VERTEX) {
            return false;
        }
        for (Walk.Step s : walk.steps()) {
            if (known.get(s.type()) != AgeSchema.Kind.EDGE || (s.label() != null && known.get(s.label()) != AgeSchema.Kind.VERTEX)) {
                return false;
            }
        }
        return true;
    }

    /** One walk's SELECT; its one parameter is the keys as JSON strings ({@code text[]}). */
    static String sql(String graph, int index, Walk walk, List<String> properties) {
        int last = walk.steps().size();
        StringBuilder sql = new StringBuilder("SELECT ").append(index).append(", ")
                .append(AgeSchema.access("n0.properties", "id")).append(", ")
                .append(last < 2 ? "NULL::ag_catalog.agtype" : AgeSchema.access("n" + (last - 1) + ".properties", "id")).append(", ")
                .append(AgeSchema.access("n" + last + ".properties", "id"));
        for (String p : properties) {
            sql.append(", ").append(AgeSchema.access("n" + last + ".properties", p));
        }
        sql.append(" FROM unnest(?::text[]) AS k(key) CROSS JOIN LATERAL (SELECT n0.id, n0.properties FROM ")
                .append(AgeSchema.table(graph, walk.startLabel())).append(" n0 WHERE ").append(AgeSchema.access("n0.properties", "id"))
                .append(" = k.key::ag_catalog.agtype OFFSET 0) n0");
        for (int i = 1; i <= last; i++) {
            Walk.Step s = walk.steps().get(i - 1);
            String near = s.outgoing() ? "start_id" : "end_id";
            String far = s.outgoing() ? "end_id" : "start_id";
            sql.append(" CROSS JOIN LATERAL (SELECT e.").append(far).append(" AS id FROM ")
                    .append(AgeSchema.table(graph, s.type())).append(" e WHERE e.").append(near).append(" = n").append(i - 1).append(".id");
            String table = s.label() == null ? AgeSchema.quote(graph) + "._ag_label_vertex" : AgeSchema.table(graph, s.label());
            sql.append(" OFFSET 0) e").append(i).append(" CROSS JOIN LATERAL (SELECT n.id, n.properties FROM ").append(table)
                    .append(" n WHERE n.id = e").append(i).append(".id OFFSET 0) n").append(i);
        }
        return sql.toString();
    }
}
