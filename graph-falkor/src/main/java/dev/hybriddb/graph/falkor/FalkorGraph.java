package dev.hybriddb.graph.falkor;

import com.falkordb.Record;
import com.falkordb.ResultSet;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeSide;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.GraphHealth;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.GraphValues;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.graph.falkor.internal.Batch;
import dev.hybriddb.graph.falkor.internal.BatchWriter;
import dev.hybriddb.graph.falkor.internal.Connection;
import dev.hybriddb.graph.falkor.internal.CypherParams;
import dev.hybriddb.graph.falkor.internal.Results;
import dev.hybriddb.graph.falkor.internal.Writes;
import java.time.Duration;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GraphBackend} on FalkorDB, through jfalkordb's connection pool and result parser.
 *
 * <p>Parameters are encoded by HybridDB into FalkorDB's {@code CYPHER name=<literal>} header
 * (never by jfalkordb's quoting). Upserts send {@code UNWIND $rows AS r MERGE ...} in chunks of
 * {@link FalkorConfig#batchSize()} rows, after a range index on {@code id} exists for each label
 * involved. Rows of one property-key list travel as lists ({@code SET n.`k` = r[1], ...}); while one
 * chunk runs on the server, the next is encoded. A failed chunk stops the call: the chunks before
 * it stay written (upserts are idempotent, so the call can be retried), no later chunk is sent.
 * Reads run as {@code GRAPH.RO_QUERY}, so {@link #query} cannot write. A read of a graph
 * that does not exist fails with {@link GraphException}.
 *
 * <p>FalkorDB's range indexes trim, split and truncate some strings (empty, leading or trailing
 * whitespace, control characters, more than 4096 bytes), so lookups through an index miss them.
 * Node keys are therefore held to {@link dev.hybriddb.graph.GraphValues#key}; properties indexed
 * with {@link #createIndex} should hold such "key-like" strings too.
 *
 * <p>After a lost connection the backend forgets what it cached about the server (indexed labels,
 * label and property names): a server restarted without persistence comes back empty.
 *
 * <pre>{@code
 * try (FalkorGraph graph = FalkorGraph.connect("localhost", 6379)) {
 *     graph.upsertNodes(GraphNames.forTenant(tenant), "Agent", List.of(NodeRecord.of(id, props)));
 * }
 * }</pre>
 */
public final class FalkorGraph implements GraphBackend {
    private static final Logger LOG = LoggerFactory.getLogger(FalkorGraph.class);

    private final FalkorConfig config;
    private final Connection connection;
    private final BatchWriter writer;
    /** Per graph, the labels known to have an index on {@code id}. */
    private final ConcurrentMap<String, Set<String>> idIndexed = new ConcurrentHashMap<>();

    private FalkorGraph(FalkorConfig config) {
        this.config = config;
        this.connection = new Connection(config, idIndexed::clear);
        this.writer = new BatchWriter(connection, config.batchSize());
    }

    /** A backend for the server at host:port with default settings. Connects lazily. */
    public static FalkorGraph connect(String host, int port) {
        return connect(FalkorConfig.of(host, port));
    }

    /**
     * A backend with these settings. Connects lazily: a server that is down now is not an error.
     * With Sentinel ({@link FalkorConfig#usesSentinel()}) the Sentinels are asked for the master at
     * once, and none answering is an {@link dev.hybriddb.UnavailableException}.
     */
    public static FalkorGraph connect(FalkorConfig config) {
        Objects.requireNonNull(config, "config");
        LOG.debug("FalkorDB backend for {}", config);
        return new FalkorGraph(config);
    }

    public FalkorConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "falkordb";
    }

    @Override
    public void ensureGraph(String graph) {
        Identifiers.graph(graph);
        String type = keyType(graph);
        if ("graphdata".equals(type)) {
            return;
        }
        if (!"none".equals(type)) {
            throw new GraphException("key " + graph + " exists in FalkorDB and is not a graph (" + type + ")");
        }
        connection.forget(graph);
        connection.cypher(graph, "RETURN 1", false, true, "ensureGraph " + graph);
    }

    @Override
    public void dropGraph(String graph) {
        Identifiers.graph(graph);
        idIndexed.remove(graph);
        connection.forget(graph);
        if (!"graphdata".equals(keyType(graph))) {
            return;
        }
        try {
            connection.withJedis(true, "dropGraph " + graph,
                    jedis -> jedis.sendCommand(com.falkordb.impl.api.GraphCommand.DELETE, graph));
        } catch (GraphException e) {
            if (!e.getMessage().contains("empty key")) {
                throw e;
            }
        }
    }

    @Override
    public boolean graphExists(String graph) {
        return "graphdata".equals(keyType(Identifiers.graph(graph)));
    }

    private String keyType(String graph) {
        return connection.withJedis(true, "type of " + graph, jedis -> jedis.type(graph));
    }

    @Override
    public void createIndex(String graph, String label, String property) {
        Identifiers.graph(graph);
        Identifiers.label(label);
        Identifiers.property(property);
        String text = "CREATE INDEX FOR (n:`" + label + "`) ON (n.`" + property + "`)";
        try {
            connection.cypher(graph, text, false, true, "createIndex " + label + "." + property);
        } catch (GraphException e) {
            if (!e.getMessage().contains("already indexed")) {
                throw e;
            }
        }
        if ("id".equals(property)) {
            idIndexed.computeIfAbsent(graph, g -> ConcurrentHashMap.newKeySet()).add(label);
        }
    }

    private void ensureIdIndex(String graph, String label) {
        Set<String> known = idIndexed.get(graph);
        if (known == null || !known.contains(label)) {
            createIndex(graph, label, "id");
        }
    }

    @Override
    public int upsertNodes(String graph, String label, List<NodeRecord> nodes) {
        Identifiers.graph(graph);
        List<Batch> batches = Writes.nodeBatches(label, GraphValues.records("nodes", nodes));
        if (batches.isEmpty()) {
            return 0;
        }
        ensureIdIndex(graph, label);
        writer.write(graph, batches, "upsertNodes " + label, (b, from, to, rs) -> { });
        return nodes.size();
    }

    @Override
    public int upsertEdges(String graph, EdgeType type, List<EdgeRecord> edges) {
        Identifiers.graph(graph);
        List<Batch> batches = Writes.edgeBatches(type, GraphValues.records("edges", edges));
        if (batches.isEmpty()) {
            return 0;
        }
        ensureIdIndex(graph, type.fromLabel());
        ensureIdIndex(graph, type.toLabel());
        BitSet present = new BitSet();
        writer.write(graph, batches, "upsertEdges " + type, (b, from, to, rs) -> {
            if (((Number) rs.iterator().next().getValue(0)).intValue() == to - from) {
                b.rows().subList(from, to).forEach(row -> present.set(((Long) row.get(0)).intValue()));
            } else {
                // some rows missed an end: ask which edges are there (rare, so not worth a result row each time)
                String text = new Batch(Writes.presentEdges(type), b.rows()).text(from, to, 0);
                for (Record row : connection.cypher(graph, text, true, true, "upsertEdges " + type)) {
                    present.set(((Number) row.getValue(0)).intValue());
                }
            }
        });
        Map<List<String>, Long> keyOf = Writes.edgeKeys(edges);
        int count = 0;
        for (EdgeRecord e : edges) {
            if (present.get(keyOf.get(List.of(e.fromId(), e.toId())).intValue())) {
                count++;
            }
        }
        return count;
    }

    @Override
    public int deleteNodes(String graph, String label, Collection<String> ids) {
        Identifiers.graph(graph);
        String text = Writes.deleteNodes(label);
        List<String> distinct = Writes.ids(ids);
        int deleted = 0;
        for (List<String> chunk : Writes.chunks(distinct, config.batchSize())) {
            deleted += send(graph, text, Map.of("ids", chunk), false, true, "deleteNodes " + label)
                    .getStatistics().nodesDeleted();
        }
        return deleted;
    }

    @Override
    public int deleteEdges(String graph, EdgeType type, List<EdgeRecord> edges) {
        Identifiers.graph(graph);
        String text = Writes.deleteEdges(type);
        int deleted = 0;
        List<Map<String, Object>> ends = Writes.endRows(GraphValues.records("edges", edges));
        for (List<Map<String, Object>> chunk : Writes.chunks(ends, config.batchSize())) {
            deleted += send(graph, text, Map.of("rows", chunk), false, true, "deleteEdges " + type)
                    .getStatistics().relationshipsDeleted();
        }
        return deleted;
    }

    /**
     * One statement per direction for the sides of one owner label (see
     * {@link Writes#deleteEdgesExcept(String, boolean, List)}); sides of several owner labels go
     * one label at a time.
     */
    @Override
    public void deleteEdgesExcept(String graph, List<EdgeSide> sides,
                                  Map<String, ? extends List<? extends Collection<String>>> keep) {
        Identifiers.graph(graph);
        Map<List<Object>, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < sides.size(); i++) {
            groups.computeIfAbsent(List.of(sides.get(i).ownerLabel(), sides.get(i).ownerIsFrom()), k -> new java.util.ArrayList<>())
                    .add(i);
        }
        for (Map.Entry<List<Object>, List<Integer>> g : groups.entrySet()) {
            List<EdgeSide> part = g.getValue().stream().map(sides::get).toList();
            List<List<Object>> rows = new java.util.ArrayList<>();
            keep.forEach((owner, lists) -> {
                List<Object> row = new java.util.ArrayList<>(part.size() + 1);
                row.add(GraphValues.key("owner id", owner));
                boolean any = false;
                for (int i : g.getValue()) {
                    Collection<String> k = lists.get(i);
                    row.add(k == null ? null : List.copyOf(k));
                    any |= k != null;
                }
                if (any) {
                    rows.add(row);
                }
            });
            String text = Writes.deleteEdgesExcept((String) g.getKey().get(0), (Boolean) g.getKey().get(1), part);
            for (List<List<Object>> chunk : Writes.chunks(rows, config.batchSize())) {
                send(graph, text, Map.of("rows", chunk), false, true, "deleteEdgesExcept " + g.getKey().get(0));
            }
        }
    }

    @Override
    public List<GraphRow> query(String graph, String cypher, Map<String, ?> params) {
        Identifiers.graph(graph);
        return Results.rows(send(graph, cypher, params, true, true, "query"));
    }

    @Override
    public List<GraphRow> execute(String graph, String cypher, Map<String, ?> params) {
        Identifiers.graph(graph);
        return Results.rows(send(graph, cypher, params, false, false, "execute"));
    }

    /**
     * A view of this backend whose {@link GraphBackend#query} runs on a read replica
     * ({@link FalkorConfig#readReplicas()}, taken in turn; the master when none is configured or
     * the replica cannot be reached) as {@code GRAPH.RO_QUERY}; everything else goes to the master.
     * A replica lags the master by its replication delay, so give this view only to readers that
     * tolerate it (the coordinator's graph reads), never to the sync. Closing the view does not
     * close this backend.
     */
    public GraphBackend replicaReads() {
        return new ReplicaReads(this);
    }

    List<GraphRow> queryOnReplica(String graph, String cypher, Map<String, ?> params) {
        Identifiers.graph(graph);
        String text = CypherParams.prefix(cypher, params);
        try {
            return Results.rows(connection.cypherOnReplica(graph, text, "query"));
        } catch (HybridDBException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GraphException("unexpected failure in query: " + e, e);
        }
    }

    private ResultSet send(String graph, String cypher, Map<String, ?> params, boolean readOnly, boolean retry,
                           String what) {
        String text = CypherParams.prefix(cypher, params);
        try {
            return connection.cypher(graph, text, readOnly, retry, what);
        } catch (HybridDBException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GraphException("unexpected failure in " + what + ": " + e, e);
        }
    }

    @Override
    public GraphHealth health() {
        long start = System.nanoTime();
        try {
            String pong = connection.withJedis(false, "health", jedis -> jedis.ping());
            if (!"PONG".equalsIgnoreCase(pong)) {
                return GraphHealth.down("unexpected reply to PING: " + pong);
            }
            return GraphHealth.up(Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            return GraphHealth.down(e.getMessage());
        }
    }

    /** The server's {@code run_id} ({@code INFO server}): new after every restart. */
    @Override
    public Optional<String> serverInstance() {
        String info = connection.withJedis(true, "serverInstance", jedis -> jedis.info("server"));
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("run_id:")) {
                return Optional.of(line.substring("run_id:".length()).trim());
            }
        }
        return Optional.empty();
    }

    /** Connections in use and idle, for diagnostics. */
    public String poolStatus() {
        return "active=" + connection.active() + ", idle=" + connection.idle();
    }

    @Override
    public void close() {
        writer.close();
        connection.close();
    }

    @Override
    public String toString() {
        return "FalkorGraph[" + config + "]";
    }
}
