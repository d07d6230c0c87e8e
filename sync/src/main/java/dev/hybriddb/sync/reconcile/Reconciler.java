package dev.hybriddb.sync.reconcile;

import dev.hybriddb.Database;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.SyncResult;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.sync.SyncListener;
import dev.hybriddb.sync.internal.Checks;
import dev.hybriddb.sync.internal.Tenants;
import dev.hybriddb.sync.internal.apply.ApplyStats;
import dev.hybriddb.sync.internal.apply.ChangeApplier;
import dev.hybriddb.sync.internal.apply.GraphWriter;
import dev.hybriddb.sync.internal.apply.Rebuilder;
import dev.hybriddb.sync.internal.outbox.GraphTenantRegistry;
import dev.hybriddb.sync.internal.projection.ChangeSet;
import dev.hybriddb.sync.internal.projection.SourceReader;
import dev.hybriddb.sync.internal.reconcile.DriftChecker;
import dev.hybriddb.sync.projection.Direction;
import dev.hybriddb.sync.projection.ForeignKeyEdge;
import dev.hybriddb.sync.projection.JoinTableEdge;
import dev.hybriddb.sync.projection.NodeMapping;
import dev.hybriddb.sync.projection.Projection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a tenant's PostgreSQL rows with its graph, label by label (node ids and a hash of the
 * projected properties, computed the same way on both sides) and edge type by edge type (the
 * edges each owning row derives, with their property hash), and repairs the drift on request.
 * Works in keyset pages (bounded memory) under the tenant's sync lock, so it never races a
 * real-time round of the same tenant. Outbox rows not yet applied show as drift until applied.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Database database;
    private final Database readDatabase;
    private final Projection projection;
    private final GraphWriter writer;
    private final Function<UUID, String> graphNames;
    private final int pageSize;
    private final int maxEntries;
    private final int rebuildAbove;
    private final GraphTenantRegistry registry = new GraphTenantRegistry();

    private Reconciler(Builder b) {
        this.database = b.database;
        this.readDatabase = b.readDatabase;
        this.projection = b.projection;
        this.writer = new GraphWriter(b.graph, b.chunkSize);
        this.graphNames = b.graphNames;
        this.pageSize = b.pageSize;
        this.maxEntries = b.maxEntries;
        this.rebuildAbove = b.rebuildAbove;
    }

    public static Reconciler create(Database database, GraphBackend graph) {
        return builder(database, graph).build();
    }

    public static Builder builder(Database database, GraphBackend graph) {
        return new Builder(database, graph);
    }

    public DriftReport check(UUID tenantId) {
        return check(tenantId, SyncListener.none());
    }

    /**
     * Compares the tenant's rows and graph; reports missing, stale and orphaned nodes and edges.
     * With a {@link Builder#readDatabase read database} the rows are read there (no sync lock: a
     * replica cannot share the primary's), so changes of the last moments may show as drift.
     */
    public DriftReport check(UUID tenantId, SyncListener listener) {
        Objects.requireNonNull(tenantId, "tenantId");
        String graph = graphNames.apply(tenantId);
        DriftReport report = readTenant(tenantId, c -> {
            Tenants.requireExists(c, tenantId);
            DriftChecker checker = new DriftChecker(projection, writer, pageSize, maxEntries);
            List<LabelDrift> labels = new ArrayList<>();
            List<EdgeDrift> edges = new ArrayList<>();
            if (!writer.backend().graphExists(graph)) {
                writer.backend().ensureGraph(graph);
            }
            for (NodeMapping m : projection.nodes()) {
                labels.add(checker.nodes(c, tenantId, graph, m, listener));
            }
            for (NodeMapping m : projection.nodes()) {
                for (ForeignKeyEdge e : m.edges()) {
                    edges.add(checker.foreignKeyEdges(c, tenantId, graph, m, e));
                }
            }
            for (JoinTableEdge j : projection.joins()) {
                edges.add(checker.joinEdges(c, tenantId, graph, j));
            }
            return new DriftReport(tenantId, graph, labels, edges, checker.truncated());
        });
        if (!report.isClean()) {
            LOG.info("drift in {}: {}", graph, report);
        }
        return report;
    }

    private <T> T readTenant(UUID tenant, dev.hybriddb.SqlFunction<java.sql.Connection, T> work) {
        return readDatabase == database ? Tenants.inTenant(database, tenant, work)
                : readDatabase.inTenant(tenant, dev.hybriddb.internal.SdkWork.of(work));
    }

    /**
     * Repairs what {@code report} found: each drifted node and edge owner is brought to its
     * current PostgreSQL state, read on the primary (so a repair of an older report, or of one
     * read on a lagging replica, is still right). A truncated report,
     * or one with more than {@code rebuildAbove} drifted entities (e.g. a graph server that lost its
     * data), rebuilds the tenant's graph instead, which is faster for large drift.
     */
    public SyncResult repair(DriftReport report) {
        Objects.requireNonNull(report, "report");
        UUID tenant = report.tenantId();
        String graph = report.graph();
        if (report.truncated() || report.total() > rebuildAbove) {
            ApplyStats s = Tenants.inTenant(database, tenant, c -> {
                Tenants.requireExists(c, tenant);
                registry.register(c, tenant);
                return new Rebuilder(projection, writer, pageSize).rebuild(c, tenant, graph, SyncListener.none());
            });
            registry.committed(tenant);
            return new SyncResult(s.nodesUpserted, s.nodesDeleted, s.edgesWritten);
        }
        ChangeSet cs = changeSetOf(report);
        if (cs.isEmpty()) {
            return new SyncResult(0, 0, 0);
        }
        ApplyStats s = Tenants.inTenant(database, tenant, c -> {
            Tenants.requireExists(c, tenant);
            registry.register(c, tenant);
            writer.backend().ensureGraph(graph);
            return new ChangeApplier(projection, writer).apply(c, tenant, graph, cs);
        });
        registry.committed(tenant);
        return new SyncResult(s.nodesUpserted, s.nodesDeleted, s.edgesWritten);
    }

    private ChangeSet changeSetOf(DriftReport report) {
        ChangeSet cs = new ChangeSet();
        for (LabelDrift l : report.labels()) {
            NodeMapping m = projection.nodeByLabel(l.label()).orElseThrow();
            Set<String> ids = new LinkedHashSet<>(l.missing());
            ids.addAll(l.stale());
            ids.addAll(l.orphaned());
            ids.forEach(id -> cs.add(m.table(), SourceReader.keyOf(m.keyColumns(), id), true, id, null));
        }
        for (EdgeDrift d : report.edges()) {
            if (d.total() == 0) {
                continue;
            }
            List<EdgeKey> all = new ArrayList<>(d.missing());
            all.addAll(d.stale());
            all.addAll(d.orphaned());
            JoinTableEdge join = projection.joins().stream().filter(j -> j.type().equals(d.type())).findFirst().orElse(null);
            if (join != null) {
                cs.addJoinOwners(join.table(), all.stream()
                        .map(k -> join.owner() == Side.FROM ? k.fromId() : k.toId()).toList());
                continue;
            }
            for (NodeMapping m : projection.nodes()) {
                for (ForeignKeyEdge e : m.edges()) {
                    if (e.type().equals(d.type())) {
                        all.forEach(k -> {
                            String owner = e.direction() == Direction.OUTGOING ? k.fromId() : k.toId();
                            cs.add(m.table(), SourceReader.keyOf(m.keyColumns(), owner), false, null, null);
                        });
                    }
                }
            }
        }
        return cs;
    }

    /** Configures a {@link Reconciler}. */
    public static final class Builder {
        private final Database database;
        private final GraphBackend graph;
        private Database readDatabase;
        private Projection projection = Projection.defaults();
        private Function<UUID, String> graphNames = GraphNames::forTenant;
        private int pageSize = 5000;
        private int chunkSize = 2000;
        private int maxEntries = 100_000;
        private int rebuildAbove = 10_000;

        private Builder(Database database, GraphBackend graph) {
            this.database = Objects.requireNonNull(database, "database");
            this.graph = Objects.requireNonNull(graph, "graph");
            this.readDatabase = database;
        }

        /**
         * Where {@link Reconciler#check} reads PostgreSQL: a read-only replica (default: the
         * database, under the tenant's sync lock). Repairs always read the primary.
         */
        public Builder readDatabase(Database readDatabase) {
            this.readDatabase = Objects.requireNonNull(readDatabase, "readDatabase");
            return this;
        }

        public Builder projection(Projection projection) {
            this.projection = Objects.requireNonNull(projection, "projection");
            return this;
        }

        public Builder graphNames(Function<UUID, String> graphNames) {
            this.graphNames = Objects.requireNonNull(graphNames, "graphNames");
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = Checks.positive("pageSize", pageSize);
            return this;
        }

        public Builder chunkSize(int chunkSize) {
            this.chunkSize = Checks.positive("chunkSize", chunkSize);
            return this;
        }

        /** Drifted entities kept in a report (default 100,000); beyond, the report is truncated. */
        public Builder maxEntries(int maxEntries) {
            this.maxEntries = Checks.positive("maxEntries", maxEntries);
            return this;
        }

        /** Drift beyond which {@link #repair(DriftReport)} rebuilds the graph (default 10,000). */
        public Builder rebuildAbove(int rebuildAbove) {
            this.rebuildAbove = Checks.positive("rebuildAbove", rebuildAbove);
            return this;
        }

        public Reconciler build() {
            return new Reconciler(this);
        }
    }
}
