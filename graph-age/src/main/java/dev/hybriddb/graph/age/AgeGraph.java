package dev.hybriddb.graph.age;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.ConfigurationException;
import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.GraphHealth;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.GraphValues;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.graph.Walk;
import dev.hybriddb.graph.age.internal.AgeCypher;
import dev.hybriddb.graph.age.internal.AgeDataSource;
import dev.hybriddb.graph.age.internal.AgeSchema;
import dev.hybriddb.graph.age.internal.AgeSession;
import dev.hybriddb.graph.age.internal.AgeTransactions;
import dev.hybriddb.graph.age.internal.AgeWalks;
import dev.hybriddb.graph.age.internal.AgeWrites;
import dev.hybriddb.graph.age.internal.AgtypeWriter;
import dev.hybriddb.graph.age.internal.CypherText;
import dev.hybriddb.internal.Redact;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@link GraphBackend} on Apache AGE, in the same PostgreSQL as the relational data. Each graph
 * is an AGE graph (a schema); queries run as
 * {@code SELECT * FROM cypher('<graph>', $$ <cypher> $$, ?) AS (...)} with every value in the one
 * agtype parameter map.
 *
 * <p>Result columns are named after the final top-level {@code RETURN}: an item's alias, or the
 * item's text when it has none ({@code RETURN n.name} gives column {@code n.name}).
 * {@code RETURN *} is refused, since AGE must be told the columns before it runs a query, and
 * so is Cypher text containing {@code $$}. Values are converted as {@link dev.hybriddb.graph.GraphValues} documents (the same for every
 * backend); results come back as String, Long, Double, BigDecimal (AGE
 * numerics), Boolean, List, Map, {@link dev.hybriddb.graph.GraphNode},
 * {@link dev.hybriddb.graph.GraphEdge} and {@link dev.hybriddb.graph.GraphPath}.
 *
 * <p>Create it with {@link #connect(String, String, String)} (a small pool of its own whose
 * connections are prepared once) or {@link #inDatabase(DataSource)} (a pool the caller keeps;
 * each transaction loads AGE and sets its search path locally).
 *
 * <p>Tenant isolation: AGE has no row security of its own (policies on a label table are skipped
 * when Cypher reads it through its parent, as {@code MATCH (n)} does, and by Cypher's
 * {@code CREATE}), so graphs are isolated by privileges. Connect as a role that owns the graphs
 * (the migration role, or a dedicated graph role), never as the application role: each graph is
 * a schema its creator owns, on which no other role has any privilege, and the application role
 * should have no access to {@code ag_catalog} either (no listing of graphs, no {@code cypher()}).
 * Then the connections handed to tenant code cannot list, read or write any graph; only this
 * backend can, on behalf of the SDK.
 */
public final class AgeGraph implements GraphBackend {
    /** Rows per statement in batched writes. */
    public static final int CHUNK_SIZE = 500;
    /** Seconds a statement may run. */
    public static final int QUERY_TIMEOUT_SECONDS = 60;

    private final AgeTransactions tx;
    private final AgeWrites writes;
    private final AgeWalks walks = new AgeWalks();
    private final HikariDataSource ownPool;
    private final String description;

    private AgeGraph(DataSource dataSource, boolean sessionPrepared, HikariDataSource ownPool, String description) {
        this.tx = new AgeTransactions(dataSource, sessionPrepared, new AgeSession(), QUERY_TIMEOUT_SECONDS);
        this.writes = new AgeWrites(tx, CHUNK_SIZE);
        this.ownPool = ownPool;
        this.description = description;
    }

    /**
     * AGE through the caller's DataSource (which it keeps owning: {@link #close()} leaves it
     * open). Its connections should be the graph role's, not the application's pool.
     */
    public static AgeGraph inDatabase(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new AgeGraph(dataSource, false, null, "AgeGraph[dataSource]");
    }

    /**
     * AGE through a small pool of its own (at most 4 connections; 10 s to connect, 60 s per
     * statement), as {@code user}: the role that owns the graphs (see the class description). The
     * pool connects lazily: an unreachable server shows in {@link #health()}.
     */
    public static AgeGraph connect(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("jdbcUrl", mask(jdbcUrl), "must be a jdbc:postgresql: URL");
        }
        if (user == null || user.isBlank()) {
            throw new ConfigurationException("user", user, "must not be empty");
        }
        if (password == null) {
            throw new ConfigurationException("password", "****", "must not be null");
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        try {
            pg.setURL(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("jdbcUrl", mask(jdbcUrl), "is not a valid PostgreSQL URL");
        }
        pg.setUser(user);
        pg.setPassword(password);
        pg.setConnectTimeout(10);
        pg.setLoginTimeout(10);
        pg.setSocketTimeout(QUERY_TIMEOUT_SECONDS + 30);
        pg.setTcpKeepAlive(true);
        pg.setApplicationName("hybriddb-age");
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("hybriddb-age");
        cfg.setDataSource(new AgeDataSource(pg, new AgeSession()));
        cfg.setMaximumPoolSize(4);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(10_000);
        cfg.setValidationTimeout(5_000);
        cfg.setIdleTimeout(600_000);
        cfg.setMaxLifetime(1_800_000);
        cfg.setInitializationFailTimeout(-1);
        String description = "AgeGraph[url=" + mask(jdbcUrl) + ", user=" + user + ", password=****]";
        HikariDataSource pool = new HikariDataSource(cfg);
        return new AgeGraph(pool, true, pool, description);
    }

    @Override
    public String name() {
        return "age";
    }

    @Override
    public void ensureGraph(String graph) {
        Identifiers.graph(graph);
        tx.run("ensure graph " + graph, false, c -> AgeSchema.ensureGraph(c, graph));
    }

    @Override
    public void dropGraph(String graph) {
        Identifiers.graph(graph);
        try {
            tx.run("drop graph " + graph, false, c -> AgeSchema.dropGraph(c, graph));
        } finally {
            writes.forget(graph);
            walks.forget(graph);
        }
    }

    @Override
    public boolean graphExists(String graph) {
        Identifiers.graph(graph);
        return tx.run("check graph " + graph, true, c -> AgeSchema.graphExists(c, graph));
    }

    @Override
    public void createIndex(String graph, String label, String property) {
        Identifiers.graph(graph);
        Identifiers.label(label);
        Identifiers.property(property);
        tx.run("create index on " + label + "." + property, false, c -> {
            AgeSchema.ensureGraph(c, graph);
            AgeSchema.lock(c, graph + "/" + label);
            AgeSchema.Kind kind = AgeSchema.labelKind(c, graph, label);
            AgeSchema.ensureLabel(c, graph, label, kind == null ? AgeSchema.Kind.VERTEX : kind);
            if (!(property.equals("id") && kind != AgeSchema.Kind.EDGE)) {
                AgeSchema.propertyIndex(c, graph, label, property);
            }
            return null;
        });
    }

    @Override
    public int upsertNodes(String graph, String label, List<NodeRecord> nodes) {
        return writes.upsertNodes(graph, label, GraphValues.records("nodes", nodes));
    }

    @Override
    public int upsertEdges(String graph, EdgeType type, List<EdgeRecord> edges) {
        return writes.upsertEdges(graph, type, GraphValues.records("edges", edges));
    }

    @Override
    public int deleteNodes(String graph, String label, Collection<String> ids) {
        return writes.deleteNodes(graph, label, ids);
    }

    @Override
    public int deleteEdges(String graph, EdgeType type, List<EdgeRecord> edges) {
        return writes.deleteEdges(graph, type, GraphValues.records("edges", edges));
    }

    /** Through the label tables: owners by the {@code id} index, their edges by the {@code start_id}/{@code end_id} indexes. */
    @Override
    public void deleteEdgesExcept(String graph, EdgeType type, boolean ownerIsFrom,
                                  Map<String, ? extends Collection<String>> keep) {
        writes.deleteEdgesExcept(graph, type, ownerIsFrom, keep);
    }

    @Override
    public List<GraphRow> query(String graph, String cypher, Map<String, ?> params) {
        Identifiers.graph(graph);
        CypherText text = CypherText.of(cypher);
        String write = text.firstWriteClause();
        if (write != null) {
            throw new GraphException("query() runs read-only Cypher, but this one has " + write + ": use execute()");
        }
        return run(graph, text.forAge(), params, true);
    }

    /** In SQL over the label tables, every key and hop an index seek (see {@link AgeWalks}). */
    @Override
    public List<GraphRow> walk(String graph, List<Walk> walks, Collection<String> ids, List<String> properties) {
        Identifiers.graph(graph);
        List<String> props = Walk.properties(properties);
        if (walks.isEmpty() || ids.isEmpty()) {
            return List.of();
        }
        List<Walk> all = List.copyOf(walks);
        List<String> keys = List.copyOf(ids);
        try {
            return tx.read("walk on graph " + graph,
                    c -> this.walks.run(c, tx.queryTimeoutSeconds(), graph, all, keys, props));
        } catch (RuntimeException e) {
            this.walks.forget(graph);
            throw e;
        }
    }

    /** One recursive SQL statement over the edge table, every step an index seek (see {@link AgeWalks}). */
    @Override
    public List<GraphRow> closure(String graph, String label, String type, boolean outgoing, String id, List<String> properties) {
        return closureRead("closure", graph, label, type, id, properties,
                (c, timeout, props) -> walks.closure(c, timeout, graph, label, type, outgoing, id, props));
    }

    /** The start's index seek and both recursive closures in one SQL statement. */
    @Override
    public List<GraphRow> closures(String graph, String label, String type, String id, List<String> properties) {
        return closureRead("closures", graph, label, type, id, properties,
                (c, timeout, props) -> walks.closures(c, timeout, graph, label, type, id, props));
    }

    /** Checks the names, runs {@code read} (one statement), and forgets the graph's labels if it fails. */
    private List<GraphRow> closureRead(String what, String graph, String label, String type, String id, List<String> properties,
                                       ClosureRead read) {
        Identifiers.graph(graph);
        Identifiers.label(label);
        Identifiers.label(type);
        List<String> props = Walk.properties(properties);
        Objects.requireNonNull(id, "id");
        try {
            return tx.read(what + " on graph " + graph, c -> read.apply(c, tx.queryTimeoutSeconds(), props));
        } catch (RuntimeException e) {
            walks.forget(graph);
            throw e;
        }
    }

    private interface ClosureRead {
        List<GraphRow> apply(java.sql.Connection c, int timeoutSeconds, List<String> properties) throws java.sql.SQLException;
    }

    @Override
    public List<GraphRow> execute(String graph, String cypher, Map<String, ?> params) {
        Identifiers.graph(graph);
        return run(graph, CypherText.of(cypher).forAge(), params, false);
    }

    private List<GraphRow> run(String graph, CypherText text, Map<String, ?> params, boolean readOnly) {
        String json = AgtypeWriter.parameters(params);
        List<CypherText> statements = text.statementsForAge();
        return tx.run((readOnly ? "query" : "execute") + " on graph " + graph, readOnly, c -> {
            List<GraphRow> rows = List.of();
            for (CypherText statement : statements) {
                rows = AgeCypher.run(c, tx.queryTimeoutSeconds(), graph, statement, json);
            }
            return rows;
        });
    }

    @Override
    public GraphHealth health() {
        long start = System.nanoTime();
        try {
            String version = tx.run("health check", true, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'age'")) {
                    ps.setQueryTimeout(5);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            });
            if (version == null) {
                return GraphHealth.down("the age extension is not installed in this database");
            }
            return GraphHealth.up(Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            return GraphHealth.down(e.getMessage());
        }
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** Hides the passwords of the URL (userinfo and query). */
    static String mask(String jdbcUrl) {
        return Redact.url(jdbcUrl);
    }
}
