package dev.hybriddb.sync;

import dev.hybriddb.sync.internal.projection.ReportedChange;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.RebuildResult;
import dev.hybriddb.graph.SyncResult;
import dev.hybriddb.sync.internal.Checks;
import dev.hybriddb.sync.internal.Tenants;
import dev.hybriddb.sync.internal.apply.ApplyStats;
import dev.hybriddb.sync.internal.apply.ChangeApplier;
import dev.hybriddb.sync.internal.apply.GraphWriter;
import dev.hybriddb.sync.internal.apply.Rebuilder;
import dev.hybriddb.sync.internal.outbox.GraphTenantRegistry;
import dev.hybriddb.sync.internal.outbox.Outbox;
import dev.hybriddb.sync.internal.projection.ChangeSet;
import dev.hybriddb.sync.internal.projection.SourceReader;
import dev.hybriddb.sync.projection.NodeMapping;
import dev.hybriddb.sync.projection.Projection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manual and batch sync from PostgreSQL to a tenant's graph.
 *
 * <p>Manual calls ({@link #syncTask(UUID, UUID)}, {@link #sync(UUID, String, Object)}, ...) take
 * the key of a row, read its current state and bring it (its node, the edges it owns and the
 * edges pointing at it) into the graph; a row that no longer exists is deleted from the graph.
 * {@link #rebuild(UUID, SyncListener)} (alias {@link #syncWorkspace(UUID)}) rebuilds a whole
 * tenant in place, in keyset pages of {@code pageSize} rows and chunks of {@code chunkSize}
 * graph records per round trip, nodes before edges, then deletes what PostgreSQL no longer
 * has. The graph stays queryable during a rebuild.
 *
 * <p>All graph writes of one tenant (these calls, {@link RealtimeSync} rounds, repairs) hold the
 * tenant's sync lock, so they never interleave. The data source must reach every projected table;
 * the tenant is set per transaction ({@code hybriddb.tenant_id}), so the application role works.
 */
public final class PostgresSync {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSync.class);

    private final Database database;
    private final Projection projection;
    private final GraphWriter writer;
    private final ChangeApplier applier;
    private final Rebuilder rebuilder;
    private final Function<UUID, String> graphNames;
    private final GraphTenantRegistry registry = new GraphTenantRegistry();

    private PostgresSync(Builder b) {
        this.database = b.database;
        this.projection = b.projection;
        this.writer = new GraphWriter(b.graph, b.chunkSize);
        this.applier = new ChangeApplier(projection, writer);
        this.rebuilder = new Rebuilder(projection, writer, b.pageSize);
        this.graphNames = b.graphNames;
    }

    /** With the default projection, chunks and pages. */
    public static PostgresSync create(Database database, GraphBackend graph) {
        return builder(database, graph).build();
    }

    public static Builder builder(Database database, GraphBackend graph) {
        return new Builder(database, graph);
    }

    /**
     * The tenants whose graphs HybridDB sync has written (real-time, manual, batch or repair),
     * oldest first: the registry {@code hybriddb_sync.hybriddb_graph_tenants},
     * which a TRUNCATE or a graph server restart rebuilds. Reading it needs the owner role.
     */
    public static List<UUID> registeredTenants(Database owner) {
        return owner.inTransaction(Outbox::graphTenants);
    }

    public Projection projection() {
        return projection;
    }

    /** The graph of a tenant. */
    public String graphOf(UUID tenantId) {
        return graphNames.apply(tenantId);
    }

    public SyncResult syncUser(UUID tenantId, UUID userId) { return sync(tenantId, "users", userId); }

    public SyncResult syncGuest(UUID tenantId, UUID guestId) { return sync(tenantId, "guests", guestId); }

    public SyncResult syncTeam(UUID tenantId, UUID teamId) { return sync(tenantId, "teams", teamId); }

    public SyncResult syncApp(UUID tenantId, UUID appId) { return sync(tenantId, "apps", appId); }

    public SyncResult syncKanbanBoard(UUID tenantId, UUID boardId) { return sync(tenantId, "kanban_boards", boardId); }

    public SyncResult syncTaskState(UUID tenantId, UUID taskStateId) { return sync(tenantId, "task_states", taskStateId); }

    /**
     * The task's node and edges, and the nodes of the agents it is assigned to before and after
     * (whose {@code open_task_count} the database moved with the task).
     */
    public SyncResult syncTask(UUID tenantId, UUID taskId) {
        Objects.requireNonNull(taskId, "taskId");
        Set<Object> agents = new LinkedHashSet<>();
        projection.node("tasks").flatMap(m -> m.edges().stream().filter(e -> e.column().equals("assigned_agent_id")).findFirst())
                .filter(e -> projection.node("agents").isPresent())
                .ifPresent(e -> {
                    agents.addAll(assignees(tenantId, e, taskId));
                    Tenants.inTenant(database, tenantId, c -> {
                        try (var ps = c.prepareStatement("SELECT assigned_agent_id FROM public.tasks WHERE id = ?")) {
                            ps.setObject(1, taskId);
                            try (var rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    if (rs.getObject(1) != null) {
                                        agents.add(rs.getObject(1, UUID.class));
                                    }
                                }
                            }
                        }
                        return null;
                    });
                });
        ChangeSet cs = new ChangeSet();
        addKeys(cs, "tasks", List.of(taskId));
        addKeys(cs, "agents", agents);
        return apply(tenantId, cs);
    }

    /** The agents the graph has the task assigned to (ids as UUIDs; none when the graph does not exist yet). */
    private List<UUID> assignees(UUID tenantId, dev.hybriddb.sync.projection.ForeignKeyEdge e, UUID taskId) {
        String graph = graphOf(tenantId);
        if (!writer.backend().graphExists(graph)) {
            return List.of();
        }
        String agent = dev.hybriddb.graph.Identifiers.label(e.targetLabel());
        String task = dev.hybriddb.graph.Identifiers.label(e.ownerLabel());
        String type = dev.hybriddb.graph.Identifiers.label(e.type().type());
        String pattern = e.direction() == dev.hybriddb.sync.projection.Direction.OUTGOING
                ? "(t:`" + task + "` {id: $id})-[:`" + type + "`]->(a:`" + agent + "`)"
                : "(a:`" + agent + "`)-[:`" + type + "`]->(t:`" + task + "` {id: $id})";
        List<UUID> out = new ArrayList<>();
        for (var row : writer.backend().query(graph, "MATCH " + pattern + " RETURN a.id AS id", Map.of("id", taskId.toString()))) {
            try {
                out.add(UUID.fromString(row.getString("id")));
            } catch (IllegalArgumentException | NullPointerException notAUuid) {
                // not a row of agents: nothing to refresh
            }
        }
        return out;
    }

    public SyncResult syncAgent(UUID tenantId, UUID agentId) { return sync(tenantId, "agents", agentId); }

    public SyncResult syncSwarm(UUID tenantId, UUID swarmId) { return sync(tenantId, "swarms", swarmId); }

    public SyncResult syncProject(UUID tenantId, UUID projectId) { return sync(tenantId, "projects", projectId); }

    /** The key's node (never its secret) and its edges. */
    public SyncResult syncApiKey(UUID tenantId, UUID apiKeyId) { return sync(tenantId, "api_keys", apiKeyId); }

    /** Syncs one row of a table with a single key column. */
    public SyncResult sync(UUID tenantId, String table, Object key) {
        Objects.requireNonNull(key, "key");
        return syncAll(tenantId, table, List.of(key));
    }

    /** Syncs rows of a table by key (single key column values, or maps of key column to value). */
    public SyncResult syncAll(UUID tenantId, String table, Collection<?> keys) {
        Objects.requireNonNull(tenantId, "tenantId");
        ChangeSet cs = new ChangeSet();
        addKeys(cs, table, keys);
        return apply(tenantId, cs);
    }

    private void addKeys(ChangeSet cs, String table, Collection<?> keys) {
        projection.requireTable(table);
        List<String> keyColumns = keyColumns(table);
        for (Object k : keys) {
            Map<String, Object> key = keyMap(table, keyColumns, k);
            cs.add(table, key, true, idOf(keyColumns, key), null);
        }
    }

    /**
     * Applies one row change an application reports itself (from its own notifications): {@code row}
     * carries the table's key columns and tenant column (snake_case column names); the state applied
     * is the row's current state in PostgreSQL (a row that is gone is deleted from the graph).
     */
    public SyncResult handleChange(String table, String operation, Map<String, ?> row) {
        ReportedChange change = ReportedChange.of(projection, table, operation, row);
        return apply(change.tenantId(), change.changes());
    }

    /** Applies a change set of one tenant under its sync lock. */
    SyncResult apply(UUID tenantId, ChangeSet cs) {
        String graph = graphOf(tenantId);
        ApplyStats s = Tenants.inTenant(database, tenantId, c -> {
            Tenants.requireExists(c, tenantId);
            registry.register(c, tenantId);
            writer.backend().ensureGraph(graph);
            return applier.apply(c, tenantId, graph, cs);
        });
        registry.committed(tenantId);
        return new SyncResult(s.nodesUpserted, s.nodesDeleted, s.edgesWritten);
    }

    /** {@link #rebuild(UUID, SyncListener)} under the name applications migrating from a workspace-sync API know. */
    public RebuildResult syncWorkspace(UUID tenantId) {
        return rebuild(tenantId, SyncListener.none());
    }

    public RebuildResult syncWorkspace(UUID tenantId, SyncListener listener) {
        return rebuild(tenantId, listener);
    }

    public RebuildResult rebuild(UUID tenantId) {
        return rebuild(tenantId, SyncListener.none());
    }

    /**
     * Rebuilds the tenant's graph from PostgreSQL in place. Holds the tenant's sync lock for the
     * duration (real-time rounds for this tenant wait; their outbox rows stay and are applied after).
     */
    public RebuildResult rebuild(UUID tenantId, SyncListener listener) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(listener, "listener");
        String graph = graphOf(tenantId);
        long start = System.nanoTime();
        ApplyStats s = Tenants.inTenant(database, tenantId, c -> {
            Tenants.requireExists(c, tenantId);
            registry.register(c, tenantId);
            return rebuilder.rebuild(c, tenantId, graph, listener);
        });
        registry.committed(tenantId);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("rebuilt graph {}: {} nodes upserted, {} deleted, {} edges in {} ms", graph, s.nodesUpserted,
                s.nodesDeleted, s.edgesWritten, took.toMillis());
        return new RebuildResult(tenantId, graph, s.nodesUpserted, s.nodesDeleted, s.edgesWritten, took);
    }

    private List<String> keyColumns(String table) {
        return projection.node(table).map(NodeMapping::keyColumns)
                .orElseGet(() -> projection.join(table).orElseThrow().keyColumns());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> keyMap(String table, List<String> keyColumns, Object k) {
        if (k instanceof Map<?, ?> m) {
            for (String c : keyColumns) {
                if (m.get(c) == null) {
                    throw new InvalidInputException("key", m, "lacks key column " + c + " of " + table);
                }
            }
            return SourceReader.keyOf(keyColumns, idOf(keyColumns, (Map<String, Object>) m));
        }
        if (keyColumns.size() != 1) {
            throw new InvalidInputException("key", k, "must be a map of " + keyColumns + " for " + table);
        }
        return Map.of(keyColumns.get(0), k.toString());
    }

    static String idOf(List<String> keyColumns, Map<String, Object> key) {
        StringBuilder sb = new StringBuilder();
        for (String c : keyColumns) {
            if (sb.length() > 0) sb.append(':');
            sb.append(key.get(c));
        }
        return sb.toString();
    }

    /** Configures a {@link PostgresSync}. */
    public static final class Builder {
        private final Database database;
        private final GraphBackend graph;
        private Projection projection = Projection.defaults();
        private int chunkSize = 2000;
        private int pageSize = 5000;
        private Function<UUID, String> graphNames = GraphNames::forTenant;

        private Builder(Database database, GraphBackend graph) {
            this.database = Objects.requireNonNull(database, "database");
            this.graph = Objects.requireNonNull(graph, "graph");
        }

        public Builder projection(Projection projection) {
            this.projection = Objects.requireNonNull(projection, "projection");
            return this;
        }

        /** Graph records per round trip (default 2000). */
        public Builder chunkSize(int chunkSize) {
            this.chunkSize = Checks.positive("chunkSize", chunkSize);
            return this;
        }

        /** PostgreSQL rows per keyset page in a rebuild (default 5000). */
        public Builder pageSize(int pageSize) {
            this.pageSize = Checks.positive("pageSize", pageSize);
            return this;
        }

        /** The graph of each tenant (default {@link GraphNames#forTenant(UUID)}). */
        public Builder graphNames(Function<UUID, String> graphNames) {
            this.graphNames = Objects.requireNonNull(graphNames, "graphNames");
            return this;
        }

        public PostgresSync build() {
            return new PostgresSync(this);
        }
    }

}
