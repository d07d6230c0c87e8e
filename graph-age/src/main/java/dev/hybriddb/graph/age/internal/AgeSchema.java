package dev.hybriddb.graph.age.internal;

import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.Identifiers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graphs, labels and indexes in AGE's catalog. A graph is a schema; a label is a table
 * {@code <graph>."<Label>"} with {@code properties agtype} (edges also {@code start_id},
 * {@code end_id}).
 *
 * <p>Indexes: AGE turns {@code MATCH/MERGE (n:L {id: x})} into {@code properties @> {id: x}},
 * which a GIN index on {@code properties} serves, and {@code WHERE n.id = x} into
 * {@code agtype_access_operator(VARIADIC ARRAY[properties, '"id"'])  = x}, which a btree on that
 * expression serves. Vertex labels get both (the btree unique, so the key stays a key); edge
 * labels get btrees on {@code start_id} and {@code end_id}. Concurrent creators are serialized by
 * transaction-scoped advisory locks.
 */
public final class AgeSchema {
    private static final Logger LOG = LoggerFactory.getLogger(AgeSchema.class);

    private AgeSchema() {}

    /** Label kinds in {@code ag_catalog.ag_label}. */
    public enum Kind { VERTEX, EDGE }

    /** Serializes schema changes and writes on one key until the transaction ends. */
    public static void lock(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "hybriddb.age:" + key);
            ps.execute();
        }
    }

    public static boolean graphExists(Connection c, String graph) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ag_catalog.ag_graph WHERE name = ?::name")) {
            ps.setString(1, Identifiers.graph(graph));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Creates the graph unless it exists; safe against concurrent callers. True if created. A
     * graph whose schema belongs to another role is refused: that role (e.g. the application
     * role, given CREATE by mistake) may have made it to read what the SDK writes there.
     */
    public static boolean ensureGraph(Connection c, String graph) throws SQLException {
        if (ownedGraphExists(c, graph)) {
            return false;
        }
        lock(c, graph);
        if (ownedGraphExists(c, graph)) {
            return false;
        }
        call(c, "SELECT ag_catalog.create_graph(?::name)", graph);
        LOG.info("created AGE graph {}", graph);
        warnIfCatalogIsPublic(c);
        return true;
    }

    /** Every role can list the graphs (hence the tenants) while PUBLIC may use ag_catalog. */
    private static void warnIfCatalogIsPublic(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT has_schema_privilege('public', 'ag_catalog', 'USAGE')");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getBoolean(1)) {
                LOG.warn("every role may use ag_catalog (list AGE graphs, call cypher()): a superuser should run"
                        + " REVOKE ALL ON SCHEMA ag_catalog FROM PUBLIC (see hybriddb doctor)");
            }
        }
    }

    private static boolean ownedGraphExists(Connection c, String graph) throws SQLException {
        String sql = "SELECT n.nspowner = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user),"
                + " pg_catalog.pg_get_userbyid(n.nspowner) FROM ag_catalog.ag_graph g"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = g.namespace WHERE g.name = ?::name";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Identifiers.graph(graph));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                if (!rs.getBoolean(1)) {
                    throw new GraphException("graph " + graph + " belongs to role " + rs.getString(2)
                            + ", not to this backend's role: drop it, or connect as the role that owns the graphs");
                }
                return true;
            }
        }
    }

    /** Drops the graph and everything in it if it exists. True if dropped. */
    public static boolean dropGraph(Connection c, String graph) throws SQLException {
        lock(c, graph);
        if (!graphExists(c, graph)) {
            return false;
        }
        call(c, "SELECT ag_catalog.drop_graph(?::name, true)", graph);
        LOG.info("dropped AGE graph {}", graph);
        return true;
    }

    /** The kind of a label, or null if the graph has no such label. */
    public static Kind labelKind(Connection c, String graph, String label) throws SQLException {
        String sql = "SELECT l.kind FROM ag_catalog.ag_label l JOIN ag_catalog.ag_graph g ON l.graph = g.graphid"
                + " WHERE g.name = ?::name AND l.name = ?::name";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, graph);
            ps.setString(2, label);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return "e".equals(rs.getString(1)) ? Kind.EDGE : Kind.VERTEX;
            }
        }
    }

    /**
     * Makes sure the label exists with the given kind and its key indexes; the caller holds the
     * label's lock. A label of the other kind is refused.
     */
    public static void ensureLabel(Connection c, String graph, String label, Kind kind) throws SQLException {
        Identifiers.graph(graph);
        Identifiers.label(label);
        Kind existing = labelKind(c, graph, label);
        if (existing == null) {
            String fn = kind == Kind.VERTEX ? "create_vlabel" : "create_elabel";
            try (PreparedStatement ps = c.prepareStatement("SELECT ag_catalog." + fn + "(?::name, ?::name)")) {
                ps.setString(1, graph);
                ps.setString(2, label);
                ps.execute();
            }
        } else if (existing != kind) {
            throw new GraphException("label " + label + " in graph " + graph + " is a "
                    + existing.name().toLowerCase(java.util.Locale.ROOT) + " label, not a "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " label");
        }
        if (kind == Kind.VERTEX) {
            keyIndexes(c, graph, label);
            ddl(c, "CREATE INDEX IF NOT EXISTS " + indexName(label, "id", "col") + " ON " + table(graph, label) + " (id)");
        } else {
            ddl(c, "CREATE INDEX IF NOT EXISTS " + indexName(label, "start_id", "col") + " ON "
                    + table(graph, label) + " (start_id)");
            ddl(c, "CREATE INDEX IF NOT EXISTS " + indexName(label, "end_id", "col") + " ON "
                    + table(graph, label) + " (end_id)");
        }
    }

    /** A btree on {@code label.property} (for WHERE n.property = x and ORDER BY). */
    public static void propertyIndex(Connection c, String graph, String label, String property) throws SQLException {
        Identifiers.property(property);
        ddl(c, "CREATE INDEX IF NOT EXISTS " + indexName(label, property, "idx") + " ON " + table(graph, label)
                + " (" + access(property) + ")");
    }

    private static void keyIndexes(Connection c, String graph, String label) throws SQLException {
        ddl(c, "CREATE INDEX IF NOT EXISTS " + indexName(label, "props", "gin") + " ON " + table(graph, label)
                + " USING gin (properties)");
        String unique = "CREATE UNIQUE INDEX IF NOT EXISTS " + indexName(label, "id", "key") + " ON "
                + table(graph, label) + " (" + access("id") + ")";
        Savepoint sp = c.setSavepoint();
        try {
            ddl(c, unique);
            c.releaseSavepoint(sp);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(sp);
            LOG.warn("label {} in graph {} holds duplicate ids; indexing id without uniqueness", label, graph);
            propertyIndex(c, graph, label, "id");
        }
    }

    /** {@code agtype_access_operator(VARIADIC ARRAY[properties, '"key"'::agtype])}, as AGE plans {@code n.key}. */
    static String access(String property) {
        return access("properties", property);
    }

    /** The same on a qualified column, e.g. {@code t.properties}: the indexes match it too. */
    static String access(String column, String property) {
        return "ag_catalog.agtype_access_operator(VARIADIC ARRAY[" + column + ", '\"" + Identifiers.property(property)
                + "\"'::ag_catalog.agtype])";
    }

    /** The label's table, {@code "graph"."Label"}. */
    static String table(String graph, String label) {
        return quote(Identifiers.graph(graph)) + ".\"" + Identifiers.label(label) + "\"";
    }

    /** A double-quoted identifier (callers pass names that passed {@link Identifiers}). */
    static String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    /** A quoted index name within PostgreSQL's 63 bytes, unique per label and purpose. */
    static String indexName(String label, String property, String suffix) {
        String name = label + "." + property + "." + suffix;
        if (name.length() > 63) {
            CRC32 crc = new CRC32();
            crc.update(name.getBytes(StandardCharsets.UTF_8));
            name = name.substring(0, 54) + "_" + String.format("%08x", crc.getValue());
        }
        return "\"" + name + "\"";
    }

    private static void call(Connection c, String sql, String graph) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Identifiers.graph(graph));
            ps.execute();
        }
    }

    private static void ddl(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
