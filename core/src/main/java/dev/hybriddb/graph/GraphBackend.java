package dev.hybriddb.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graph store behind HybridDB: FalkorDB ({@code hybriddb-graph-falkor}) or Apache AGE
 * ({@code hybriddb-graph-age}).
 *
 * <p>Each tenant has its own graph, named by {@code graph} (checked with
 * {@link Identifiers#graph(String)}). Labels, edge types and property keys pass
 * {@link Identifiers}; every value reaches the server as a parameter. Writes are batched and
 * idempotent: upserting the same record twice leaves the graph as upserting it once.
 *
 * <p>Values (properties and parameters) are converted as {@link GraphValues} documents, the same
 * for every backend; {@code GraphBackendContract} in core's test-jar is the executable promise.
 *
 * <p>Implementations are thread-safe. Failures to reach the server raise
 * {@link dev.hybriddb.UnavailableException}; refused queries raise {@link GraphException}.
 */
public interface GraphBackend extends AutoCloseable {

    /** A short name: {@code falkordb} or {@code age}. */
    String name();

    /** Creates the graph if it does not exist. Idempotent. */
    void ensureGraph(String graph);

    /** Deletes the graph and everything in it, if it exists. */
    void dropGraph(String graph);

    /** True when the graph exists. */
    boolean graphExists(String graph);

    /**
     * Creates an index on {@code label.property} if absent. Backends index {@code id} of every
     * label they upsert before the first MERGE on their own, so callers need this only for other
     * properties.
     */
    void createIndex(String graph, String label, String property);

    /**
     * Upserts nodes by key ({@code MERGE (n:label {id}) SET n += props}) in one batched round trip
     * per chunk. Properties not in the record are left as they are; a null value removes one.
     *
     * @return the number of records applied
     */
    int upsertNodes(String graph, String label, List<NodeRecord> nodes);

    /**
     * Upserts edges between existing nodes, one edge per (type, from, to). Records whose
     * endpoints do not exist are skipped.
     *
     * @return the number of edges present after the call among those given
     */
    int upsertEdges(String graph, EdgeType type, List<EdgeRecord> edges);

    /** Deletes nodes by key, with their edges ({@code DETACH DELETE}). Returns how many were deleted. */
    int deleteNodes(String graph, String label, Collection<String> ids);

    /** Deletes the edges (type, from, to) given. Returns how many were deleted. */
    int deleteEdges(String graph, EdgeType type, List<EdgeRecord> edges);

    /**
     * Makes the edges of {@code type} at each owner node hold no other ends than the owner's keep
     * set: for each entry of {@code keep}, the node keyed by the entry's key (of label
     * {@code type.fromLabel()} when {@code ownerIsFrom}, else {@code type.toLabel()}) loses every
     * edge of {@code type} whose other end (of the other label) has a key not in the entry's value.
     * Owners that do not exist are skipped. The cost follows the owners and their edges, never the
     * size of the graph: owners are found through the {@code id} index before their edges are
     * expanded.
     */
    default void deleteEdgesExcept(String graph, EdgeType type, boolean ownerIsFrom,
                                   Map<String, ? extends Collection<String>> keep) {
        if (keep.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new java.util.ArrayList<>(keep.size());
        keep.forEach((owner, others) -> rows.add(Map.of("owner", owner, "keep", List.copyOf(others))));
        execute(graph, deleteEdgesExceptCypher(type, ownerIsFrom), Map.of("rows", rows));
    }

    /**
     * {@link #deleteEdgesExcept(String, EdgeType, boolean, Map)} for several sides at once: at each
     * owner, for each index {@code i} of {@code sides}, its edges of {@code sides.get(i)} to any
     * node whose id is not in {@code keep.get(owner).get(i)} are deleted; a null entry leaves that
     * side of that owner untouched. Backends may send one statement per label and direction
     * instead of one per edge type; the default calls the single-type method once per side.
     */
    default void deleteEdgesExcept(String graph, List<EdgeSide> sides,
                                   Map<String, ? extends List<? extends Collection<String>>> keep) {
        for (int i = 0; i < sides.size(); i++) {
            Map<String, Collection<String>> one = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, ? extends List<? extends Collection<String>>> e : keep.entrySet()) {
                Collection<String> k = e.getValue().get(i);
                if (k != null) {
                    one.put(e.getKey(), k);
                }
            }
            deleteEdgesExcept(graph, sides.get(i).type(), sides.get(i).ownerIsFrom(), one);
        }
    }

    /**
     * The Cypher of {@link #deleteEdgesExcept}: the owner found by key ({@code WHERE o.id = r.owner},
     * an index seek) and bound by {@code WITH} before the edges are expanded, since without that
     * barrier a planner may start from the other label and expand every edge of the type.
     */
    private static String deleteEdgesExceptCypher(EdgeType t, boolean ownerIsFrom) {
        String a = Identifiers.label(t.fromLabel());
        String rel = Identifiers.label(t.type());
        String b = Identifiers.label(t.toLabel());
        return ownerIsFrom
                ? "UNWIND $rows AS r MATCH (a:" + a + ") WHERE a.id = r.owner WITH r, a"
                        + " MATCH (a)-[e:" + rel + "]->(b:" + b + ") WHERE NOT b.id IN r.keep DELETE e"
                : "UNWIND $rows AS r MATCH (b:" + b + ") WHERE b.id = r.owner WITH r, b"
                        + " MATCH (a:" + a + ")-[e:" + rel + "]->(b) WHERE NOT a.id IN r.keep DELETE e";
    }

    /**
     * Runs a parameterized read-only Cypher query. Parameters are referenced as {@code $name}.
     * Values may be null, String, Boolean, Integer, Long, Float, Double, BigDecimal, BigInteger,
     * java.time (Instant, OffsetDateTime, LocalDate, LocalDateTime), UUID, enums, byte-free
     * Lists/arrays and String-keyed Maps of these.
     */
    List<GraphRow> query(String graph, String cypher, Map<String, ?> params);

    /** The leading columns of {@link #walk}; the properties asked for follow. */
    List<String> WALK_COLUMNS = List.of("walk", "from", "via", "to");

    /**
     * The paths of {@code walks} from the nodes keyed {@code ids} (each walk from each key), one
     * row per path: {@code walk} (the walk's index in {@code walks}), {@code from} (the start's
     * id), {@code via} (the id of the node before the last, null for walks of fewer than two
     * steps), {@code to} (the last node's id), then the last node's {@code properties} by name.
     * Rows come in no particular order. The default runs one Cypher query (a {@code UNION ALL} of
     * the walks); backends whose planner does not start such a query from the key index override
     * it.
     */
    default List<GraphRow> walk(String graph, List<Walk> walks, Collection<String> ids, List<String> properties) {
        if (walks.isEmpty() || ids.isEmpty()) {
            return List.of();
        }
        Walk.properties(properties);
        StringBuilder cypher = new StringBuilder();
        for (int w = 0; w < walks.size(); w++) {
            Walk walk = walks.get(w);
            int last = walk.steps().size();
            cypher.append(w == 0 ? "" : " UNION ALL ").append("UNWIND $ids AS k MATCH ").append(walk.pattern("k"))
                    .append(" RETURN ").append(w).append(" AS walk, n0.id AS from, ")
                    .append(last < 2 ? "null" : "n" + (last - 1) + ".id").append(" AS via, n").append(last).append(".id AS to");
            for (String p : properties) {
                cypher.append(", n").append(last).append('.').append(p).append(" AS ").append(p);
            }
        }
        return query(graph, cypher.toString(), Map.of("ids", List.copyOf(ids)));
    }

    /**
     * The node keyed {@code id} and its {@link #closure} both ways, in the columns of
     * {@link #walk}: walk 0 is the node itself ({@code from} and {@code to} its id, then its
     * {@code properties}), walk 1 the closure along the edges, walk 2 the closure against them. No
     * rows when the node does not exist. The default makes the three calls; backends that can
     * answer them in one transaction override it.
     */
    default List<GraphRow> closures(String graph, String label, String type, String id, List<String> properties) {
        List<GraphRow> start = walk(graph, List.of(Walk.from(label)), List.of(id), properties);
        if (start.isEmpty()) {
            return List.of();
        }
        List<GraphRow> rows = new java.util.ArrayList<>(start);
        rows.addAll(inWalk(closure(graph, label, type, true, id, properties), 1));
        rows.addAll(inWalk(closure(graph, label, type, false, id, properties), 2));
        return rows;
    }

    /** {@code rows} (in the columns of {@link #walk}) with {@code walk} as their walk index. */
    private static List<GraphRow> inWalk(List<GraphRow> rows, int walk) {
        List<GraphRow> out = new java.util.ArrayList<>(rows.size());
        for (GraphRow r : rows) {
            List<Object> values = new java.util.ArrayList<>(r.values());
            values.set(0, walk);
            out.add(new GraphRow(r.columns(), values));
        }
        return out;
    }

    /**
     * Every edge reached from the node keyed {@code id} by following edges of {@code type} (along
     * their direction if {@code outgoing}, else against it) again and again through nodes of
     * {@code label}: the transitive closure, once per edge, in the columns of {@link #walk} (the
     * edge's near end in {@code from}, its far end in {@code to}, the far end's properties).
     * The default walks one level per {@link #walk} call from the nodes found so far; backends
     * that can follow the edges in one statement override it.
     */
    default List<GraphRow> closure(String graph, String label, String type, boolean outgoing, String id, List<String> properties) {
        Walk.properties(properties);
        Walk level = Walk.from(label, new Walk.Step(type, outgoing, label));
        List<GraphRow> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>(List.of(id));
        List<String> frontier = List.of(id);
        while (!frontier.isEmpty()) {
            List<String> next = new java.util.ArrayList<>();
            for (GraphRow r : walk(graph, List.of(level), frontier, properties)) {
                out.add(r);
                String far = r.getString("to");
                if (far != null && seen.add(far)) {
                    next.add(far);
                }
            }
            frontier = next;
        }
        return out;
    }

    /** Runs a parameterized Cypher write (or read-write) query. */
    List<GraphRow> execute(String graph, String cypher, Map<String, ?> params);

    /** A cheap round trip to the server. Never throws. */
    GraphHealth health();

    /**
     * An id of the running graph server process that changes when the server restarts, for
     * backends that may lose acknowledged writes in a restart (FalkorDB without persistence, or
     * with snapshots older than the last writes). The sync module rebuilds the tenant graphs it has registered
     * when it changes. Empty (the default) when the graph is as durable as PostgreSQL (Apache AGE).
     *
     * @throws dev.hybriddb.UnavailableException when the server cannot be reached
     */
    default Optional<String> serverInstance() {
        return Optional.empty();
    }

    /** Releases connections. */
    @Override
    void close();
}
