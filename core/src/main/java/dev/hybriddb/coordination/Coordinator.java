package dev.hybriddb.coordination;

import dev.hybriddb.Database;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.UnavailableException;
import dev.hybriddb.coordination.internal.CoordinationEngine;
import dev.hybriddb.coordination.internal.EntityWriter;
import dev.hybriddb.coordination.internal.ExecutionWriter;
import dev.hybriddb.coordination.internal.GraphStore;
import dev.hybriddb.coordination.internal.SqlStore;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphHealth;
import dev.hybriddb.graph.GraphNames;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers coordination questions from the graph when one is configured and reachable, and from
 * PostgreSQL otherwise. Both answers come from the same code ({@code CoordinationEngine}) fed by
 * either store, so they agree.
 *
 * <p>When a graph call fails with {@link UnavailableException} the coordinator switches to
 * {@link CoordinationMode#SQL_FALLBACK}, logs it once (WARN), and probes the graph's health at most
 * once per probe interval; when a probe succeeds it switches back (INFO). A task or agent the graph
 * does not know (yet) is looked up in PostgreSQL, the source of truth, without switching.
 *
 * <pre>{@code
 * Coordinator coordinator = Coordinator.builder(database).graph(FalkorGraph.connect("localhost", 6379)).build();
 * coordinator.findOptimalAgentForTask(tenantId, taskId).ifPresent(a -> assign(a.agentId(), a.name()));
 * }</pre>
 */
public final class Coordinator implements Coordination {
    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);

    private final Database db;
    private final GraphBackend graph;
    private final Function<UUID, String> graphNames;
    private final CoordinationEngine sql;
    private final CoordinationEngine sqlRead;
    private final CoordinationEngine onGraph;
    private final long probeIntervalNanos;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();
    private volatile boolean fallback;
    private volatile long nextProbe;
    private final List<CoordinationListener> listeners = new CopyOnWriteArrayList<>();

    private Coordinator(Builder b) {
        this.db = Objects.requireNonNull(b.db, "database");
        this.graph = b.graph;
        this.graphNames = b.graphNames;
        this.sql = new CoordinationEngine(new SqlStore(db));
        this.sqlRead = b.readDb == null || b.readDb == db ? sql : new CoordinationEngine(new SqlStore(b.readDb));
        this.onGraph = graph == null ? null : new CoordinationEngine(new GraphStore(graph, graphNames));
        this.probeIntervalNanos = b.probeInterval.toNanos();
        this.nanoTime = b.nanoTime;
    }

    /** A coordinator over PostgreSQL and, when {@code graph} is not null, a graph. */
    public static Coordinator of(Database db, GraphBackend graph) {
        return builder(db).graph(graph).build();
    }

    public static Builder builder(Database db) {
        return new Builder(db);
    }

    /** Where answers come from now. */
    public CoordinationMode mode() {
        if (graph == null) {
            return CoordinationMode.SQL_ONLY;
        }
        return fallback ? CoordinationMode.SQL_FALLBACK : CoordinationMode.GRAPH;
    }

    /**
     * Adds a listener told about every query answered from now on (see {@link CoordinationListener});
     * closing the returned handle removes it.
     */
    public AutoCloseable addListener(CoordinationListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<AgentAssignment> rankAgentsForTask(UUID tenantId, UUID taskId) {
        return answer("rankAgentsForTask", c -> c.rankAgentsForTask(tenantId, taskId));
    }

    @Override
    public List<AgentAssignment> rankAgentsForTask(UUID tenantId, UUID taskId, int limit) {
        return answer("rankAgentsForTask", c -> c.rankAgentsForTask(tenantId, taskId, limit));
    }

    @Override
    public PMTeamOverview getPMTeamOverview(UUID tenantId, UUID pmId) {
        return answer("getPMTeamOverview", c -> c.getPMTeamOverview(tenantId, pmId));
    }

    @Override
    public TaskDependencies getTaskDependencies(UUID tenantId, UUID taskId) {
        return answer("getTaskDependencies", c -> c.getTaskDependencies(tenantId, taskId));
    }

    @Override
    public AgentNetwork getAgentNetwork(UUID tenantId, UUID agentId, int depth) {
        return answer("getAgentNetwork", c -> c.getAgentNetwork(tenantId, agentId, depth));
    }

    @Override
    public List<ExecutionRecord> getAgentHistory(UUID tenantId, UUID agentId, int limit) {
        return answer("getAgentHistory", c -> c.getAgentHistory(tenantId, agentId, limit));
    }

    /**
     * Records that an agent executed a task: the {@code agent_executions} row in PostgreSQL, and,
     * when the graph is in use, the agent's {@code EXECUTED} edge to the task (one per agent and
     * task, holding the latest execution: an older execution does not overwrite a newer one). A
     * graph that fails here switches the coordinator to SQL fallback; the row is kept and the edge
     * follows with the next sync. An agent or task that is not in PostgreSQL raises
     * {@link NotFoundException} and nothing is written.
     */
    public ExecutionRecord createExecutionEdge(UUID tenantId, UUID agentId, UUID taskId, NewExecution execution) {
        if (execution == null) {
            throw new dev.hybriddb.InvalidInputException("execution", null, "must not be null");
        }
        ExecutionRecord record = ExecutionWriter.insert(db, tenantId, agentId, taskId, execution);
        if (graph != null && graphUsable()) {
            try {
                if (!ExecutionWriter.project(graph, graphNames.apply(tenantId), record)) {
                    LOG.debug("EXECUTED edge {} -> {} waits for its nodes in the graph", record.agentId(), record.taskId());
                }
            } catch (UnavailableException e) {
                fellBack("createExecutionEdge", e);
            }
        }
        return record;
    }

    /**
     * Upserts a graph-only entity (a PM agent, an API key and its access edges, ...) with its
     * relationships. Needs the graph: without one, or while it is unreachable, this raises
     * {@link UnavailableException}. Agents and tasks must be keyed by their UUID (see
     * {@link EntitySync}).
     */
    public void syncFromPostgres(UUID tenantId, EntitySync entity) {
        Objects.requireNonNull(entity, "entity");
        if (graph == null) {
            throw new UnavailableException("syncFromPostgres needs a graph backend and none is configured", null);
        }
        try {
            new EntityWriter(graph, graphNames).write(tenantId, entity);
        } catch (UnavailableException e) {
            fellBack("syncFromPostgres", e);
            throw e;
        }
    }

    private <T> T answer(String op, Function<Coordination, T> call) {
        if (listeners.isEmpty()) {
            return route(op, call, new CoordinationMode[1]);
        }
        CoordinationMode[] source = new CoordinationMode[1];
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            return route(op, call, source);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            tell(op, source[0] != null ? source[0] : mode(), Duration.ofNanos(System.nanoTime() - start), failure);
        }
    }

    /** Asks the graph when usable, else PostgreSQL; {@code source[0]} tells which one answered. */
    private <T> T route(String op, Function<Coordination, T> call, CoordinationMode[] source) {
        if (onGraph == null || !graphUsable()) {
            source[0] = mode();
            return readSql(call);
        }
        try {
            source[0] = CoordinationMode.GRAPH;
            return call.apply(onGraph);
        } catch (UnavailableException e) {
            fellBack(op, e);
            source[0] = CoordinationMode.SQL_FALLBACK;
            return readSql(call);
        } catch (NotFoundException e) {
            LOG.debug("{}: {} in the graph; asking PostgreSQL", op, e.getMessage());
            source[0] = CoordinationMode.SQL_FALLBACK;
            return call.apply(sql);
        }
    }

    /**
     * PostgreSQL's answer from the read database (a replica, when configured); an entity the
     * replica does not have yet (replication lag) is looked up on the primary.
     */
    private <T> T readSql(Function<Coordination, T> call) {
        if (sqlRead == sql) {
            return call.apply(sql);
        }
        try {
            return call.apply(sqlRead);
        } catch (NotFoundException e) {
            return call.apply(sql);
        }
    }

    private void tell(String op, CoordinationMode source, Duration elapsed, Throwable failure) {
        for (CoordinationListener l : listeners) {
            try {
                l.answered(op, source, elapsed, failure);
            } catch (RuntimeException e) {
                LOG.warn("coordination listener {} failed: {}", l, e.toString());
            }
        }
    }

    /** In GRAPH mode true; in fallback, probes the graph when the interval has passed. */
    private boolean graphUsable() {
        if (!fallback) {
            return true;
        }
        if (nanoTime.getAsLong() - nextProbe < 0) {
            return false;
        }
        synchronized (lock) {
            if (!fallback) {
                return true;
            }
            if (nanoTime.getAsLong() - nextProbe < 0) {
                return false;
            }
            GraphHealth health = graph.health();
            if (!health.up()) {
                nextProbe = nanoTime.getAsLong() + probeIntervalNanos;
                return false;
            }
            fallback = false;
            LOG.info("Graph backend {} is reachable again; coordination answers come from the graph", graph.name());
            return true;
        }
    }

    private void fellBack(String op, UnavailableException e) {
        synchronized (lock) {
            nextProbe = nanoTime.getAsLong() + probeIntervalNanos;
            if (!fallback) {
                fallback = true;
                LOG.warn("Graph backend {} is unreachable ({} failed: {}); answering coordination queries from "
                        + "PostgreSQL, probing the graph at most every {} ms", graph.name(), op, e.getMessage(),
                        probeIntervalNanos / 1_000_000);
            }
        }
    }

    /** Builds a {@link Coordinator}. */
    public static final class Builder {
        private final Database db;
        private GraphBackend graph;
        private Database readDb;
        private Duration probeInterval = Duration.ofSeconds(5);
        private Function<UUID, String> graphNames = GraphNames::forTenant;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder(Database db) {
            this.db = db;
        }

        /**
         * Where answers from PostgreSQL (no graph, or the graph unreachable) are read: a read-only
         * replica that may lag behind; default the database given to {@link #builder(Database)}.
         * A task or agent the replica does not have yet is looked up in that database.
         */
        public Builder readDatabase(Database readDb) {
            this.readDb = Objects.requireNonNull(readDb, "readDb");
            return this;
        }

        /** The graph to ask first; null for PostgreSQL only. */
        public Builder graph(GraphBackend graph) {
            this.graph = graph;
            return this;
        }

        /**
         * The graph of each tenant (default {@link GraphNames#forTenant(UUID)}); must match the one
         * the sync writes, which {@code HybridDB}'s {@link dev.hybriddb.graph.GraphLayout} guarantees.
         */
        public Builder graphNames(Function<UUID, String> graphNames) {
            this.graphNames = Objects.requireNonNull(graphNames, "graphNames");
            return this;
        }

        /** How often, at most, an unreachable graph is probed (default 5 s). */
        public Builder probeInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.toDays() > 1) {
                throw new dev.hybriddb.InvalidInputException("probeInterval", interval, "must be between 0 and 1 day");
            }
            this.probeInterval = interval;
            return this;
        }

        /** The clock the probe interval is measured on (tests). */
        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime);
            return this;
        }

        public Coordinator build() {
            return new Coordinator(this);
        }
    }
}
