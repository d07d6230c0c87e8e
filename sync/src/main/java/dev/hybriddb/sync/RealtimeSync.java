package dev.hybriddb.sync;

import dev.hybriddb.sync.internal.outbox.ListenChannel;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.UnavailableException;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.SyncErrorListener;
import dev.hybriddb.internal.Redact;
import dev.hybriddb.internal.Transactions;
import dev.hybriddb.sync.internal.Checks;
import dev.hybriddb.sync.internal.Tenants;
import dev.hybriddb.sync.internal.Worker;
import dev.hybriddb.sync.internal.apply.GraphWriter;
import dev.hybriddb.sync.internal.outbox.Outbox;
import dev.hybriddb.sync.internal.outbox.OutboxConsumer;
import dev.hybriddb.sync.internal.outbox.RoundResult;
import dev.hybriddb.sync.internal.outbox.TenantBackoff;
import dev.hybriddb.sync.internal.outbox.WakeLock;
import dev.hybriddb.sync.internal.recovery.RestartRecovery;
import dev.hybriddb.sync.projection.Projection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real-time projection from the outbox that the sync triggers fill.
 *
 * <p>One worker thread (with {@link Builder#roundsInFlight(int)} above 1, under a backlog, more
 * rounds run alongside it on other tenants). It holds one dedicated, non-pooled connection that LISTENs on
 * {@code hybriddb_outbox} (reopened with exponential backoff when it dies) and also wakes on a poll
 * timer, the safety net for lost wake-ups. Before it sleeps it takes the wake lock on that
 * connection ({@code WakeLock}): writers send the NOTIFY only while a consumer sleeps, and the lock
 * waits for the writers that skipped it to commit, after which one more round picks their rows up.
 * When it cannot take the lock (another consumer sleeps with it, or a writer transaction stays
 * open) it sleeps at most 100 ms, or the poll interval when another consumer holds it. Each round, in one transaction on a pooled connection
 * of the owner (or a service) role: claims up to {@code batchSize} outbox rows with
 * {@code FOR UPDATE SKIP LOCKED}, takes each tenant's sync lock (a tenant another consumer or a
 * rebuild holds waits for a later round), reads the current state of the rows under the tenant's
 * row-level security, applies one batched idempotent write per label and edge type, deletes the
 * applied outbox rows and commits only after the graph acknowledged. Each tenant's step runs under
 * a savepoint: when it fails for that tenant alone (a graph statement that timed out while the
 * server answered, a refused query) it is rolled back, the round goes on with the other tenants,
 * and that tenant backs off on its own, retrying with half the rows after a timeout (see
 * {@link SyncMetrics#tenants()}). When the graph server cannot be reached or PostgreSQL fails, the
 * whole transaction rolls back, the rows stay, and the round is retried with backoff: nothing is
 * lost, and a duplicate application is harmless. Any number of instances may run at once.
 *
 * <p>It registers every tenant it writes in {@code hybriddb_sync.hybriddb_graph_tenants}. A
 * {@code TRUNCATE} of a projected table (an outbox row with op {@code T}), and a graph server that
 * restarted without its data, make it rebuild every registered tenant graph from PostgreSQL. When
 * it starts, and after it reconnected to PostgreSQL or the graph, it checks every registered
 * tenant's graph (it exists, and holds as many nodes per label as the tenant has rows) and
 * rebuilds the ones that do not match. A needed rebuild is recorded in PostgreSQL before it
 * starts and cleared by the transaction that completes it, so a consumer that dies mid-rebuild
 * leaves it to the next one, in any process.
 *
 * <p>Applications that bring their own notifications use {@link PostgresSync#handleChange}.
 */
public final class RealtimeSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeSync.class);
    /** Under a backlog, rounds grow (doubling while full) up to this many times {@code batchSize}. */
    static final int MAX_ROUND_FACTOR = 4;

    private final Database database;
    private final Projection projection;
    private final GraphWriter writer;
    private final OutboxConsumer consumer;
    private final RestartRecovery restartRecovery;
    private final Function<UUID, String> graphNames;
    private final int batchSize;
    private final int roundsInFlight;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final SyncErrorListener errorListener;
    private final TenantBackoff tenantBackoff;

    private final Worker worker = new Worker("hybriddb-realtime-sync");
    private final ListenChannel listen;
    private final Set<Connection> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong roundThreads = new AtomicLong();
    /** Threads that drain alongside the worker under a backlog ({@code roundsInFlight - 1}); null with one round in flight. */
    private volatile ExecutorService alongside;

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong nodesUpserted = new AtomicLong();
    private final AtomicLong nodesDeleted = new AtomicLong();
    private final AtomicLong edgesWritten = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong lastLagMillis = new AtomicLong(-1);
    private final AtomicLong maxLagMillis = new AtomicLong(-1);
    private volatile Instant lastBatchAt;
    private volatile String lastError;

    /** Opens the dedicated LISTEN connection (never from a pool). */
    @FunctionalInterface
    public interface ListenConnectionFactory {
        Connection open() throws SQLException;
    }

    private RealtimeSync(Builder b) {
        this.database = b.database;
        this.projection = b.projection;
        this.writer = new GraphWriter(b.graph, b.chunkSize);
        this.graphNames = b.graphNames;
        this.consumer = new OutboxConsumer(projection, writer, graphNames);
        this.restartRecovery = new RestartRecovery(database, b.graph, projection, writer, graphNames);
        this.batchSize = b.batchSize;
        this.roundsInFlight = b.roundsInFlight;
        this.pollInterval = b.pollInterval;
        this.maxBackoff = b.maxBackoff;
        this.errorListener = b.errorListener;
        this.tenantBackoff = new TenantBackoff(b.batchSize, b.maxBackoff);
        this.listen = new ListenChannel(b.listenFactory::open, b.pollInterval, b.maxBackoff, restartRecovery::recheck);
    }

    /**
     * @param database pooled connections of the owner or a service role (reads the outbox of every tenant)
     * @param listen     opens the dedicated LISTEN connection, e.g. {@link #listenVia(String, String, String)}
     * @param graph      the graph backend
     */
    public static Builder builder(Database database, ListenConnectionFactory listen, GraphBackend graph) {
        return new Builder(database, listen, graph);
    }

    /** A factory opening plain (non-pooled) JDBC connections; the password stays inside it. */
    public static ListenConnectionFactory listenVia(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Properties p = new Properties();
        p.setProperty("user", Objects.requireNonNull(user, "user"));
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "hybriddb-realtime-sync");
        p.setProperty("tcpKeepAlive", "true");
        return () -> {
            try {
                return DriverManager.getConnection(jdbcUrl, p);
            } catch (SQLException e) {
                throw Redact.sql(e);
            }
        };
    }

    /** Starts the worker. Idempotent. */
    public void start() {
        worker.start(this::run);
    }

    /** Stops gracefully: lets the round in flight finish (commit or roll back), waiting up to 30 s. */
    public void stop() {
        stop(Duration.ofSeconds(30));
    }

    /**
     * Stops: no new round starts; the round in flight may finish within {@code timeout}, after which
     * its transaction is aborted (rolled back: its outbox rows stay for the next consumer). Either
     * way nothing is lost.
     */
    public void stop(Duration timeout) {
        Thread t = worker.requestStop();
        if (t == null) {
            return;
        }
        try {
            t.join(Math.max(1, timeout.toMillis()));
            if (t.isAlive()) {
                LOG.warn("realtime sync: the round in flight did not finish within {} ms; aborting it", timeout.toMillis());
                inFlight.forEach(RealtimeSync::abort);
                t.interrupt();
                t.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            listen.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return worker.running();
    }

    /** Asks the worker for a round now (as a NOTIFY would). */
    public void wakeUp() {
        listen.requestWake();
    }

    /** The counters now; {@code backlog} is counted on the spot. */
    public SyncMetrics metrics() {
        long backlog;
        List<Outbox.TenantBacklog> waiting;
        try (Connection c = database.dataSource().getConnection()) {
            backlog = Outbox.count(c);
            waiting = Outbox.backlogByTenant(c, SyncMetrics.TOP_TENANTS);
        } catch (SQLException e) {
            backlog = -1;
            waiting = List.of();
        }
        return new SyncMetrics(worker.running(), listen.listening(), applied.get(), batches.get(), nodesUpserted.get(),
                nodesDeleted.get(), edgesWritten.get(), errors.get(), listen.reconnects(),
                restartRecovery.recovered(),
                millis(lastLagMillis.get()), millis(maxLagMillis.get()), backlog, lastBatchAt, lastError,
                tenantLags(waiting));
    }

    /** Per tenant: its backlog and oldest row, and its failures if it is backing off. */
    private Map<UUID, TenantLag> tenantLags(List<Outbox.TenantBacklog> waiting) {
        Map<UUID, TenantBackoff.State> failing = tenantBackoff.snapshot();
        Map<UUID, TenantLag> out = new LinkedHashMap<>();
        for (Outbox.TenantBacklog w : waiting) {
            TenantBackoff.State s = failing.get(w.tenant());
            out.put(w.tenant(), new TenantLag(w.tenant(), w.rows(), Duration.ofMillis(w.oldestAgeMillis()),
                    s == null ? 0 : s.failures(), s == null ? batchSize : s.rowLimit(), s == null ? null : s.lastError()));
        }
        failing.forEach((tenant, s) -> out.putIfAbsent(tenant,
                new TenantLag(tenant, 0, Duration.ZERO, s.failures(), s.rowLimit(), s.lastError())));
        return out;
    }

    private static Duration millis(long ms) {
        return ms < 0 ? Duration.ZERO : Duration.ofMillis(ms);
    }

    // ------------------------------------------------------------------ worker

    private void run() {
        alongside = roundsInFlight > 1 ? Executors.newFixedThreadPool(roundsInFlight - 1, r -> {
            Thread t = new Thread(r, "hybriddb-realtime-sync-rounds-" + roundThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            loop();
        } finally {
            if (alongside != null) {
                alongside.shutdownNow();
            }
        }
    }

    private void loop() {
        long backoff = 0;
        while (worker.running()) {
            listen.ensureOpen();
            try {
                restartRecovery.run();
                drain();
                if (!listen.armed() && listen.arm()) {
                    drain();                    // the writers that skipped the NOTIFY have committed
                }
                backoff = 0;
            } catch (RuntimeException | SQLException e) {
                errors.incrementAndGet();
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (isConnectionFailure(e)) {
                    restartRecovery.recheck();          // after the reconnect, every registered graph is checked again
                }
                backoff = nextBackoff(backoff);
                LOG.warn("realtime sync round failed (retrying in {} ms): {}", backoff, lastError);
                report(e);
                Worker.sleep(backoff);
                continue;
            }
            listen.await(worker::running);
            listen.disarm();
        }
    }

    /** Tells the application's error listener; a listener that throws is logged. */
    private void report(Exception e) {
        try {
            errorListener.onError("round", e);
        } catch (RuntimeException listenerFailure) {
            LOG.warn("realtime sync: the error listener failed: {}", listenerFailure.toString());
        }
    }

    /** PostgreSQL or the graph could not be reached (as opposed to a refused statement). */
    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnavailableException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private long nextBackoff(long current) {
        return Worker.nextBackoff(current, maxBackoff);
    }

    /**
     * Rounds until the outbox has nothing this consumer can apply now. Under a backlog (a round
     * that came back full) up to {@code roundsInFlight - 1} more threads drain alongside, each
     * round in its own transaction, so that one round reads PostgreSQL while another waits for the
     * graph; the tenants' sync locks keep rounds in flight on different tenants. Returns when every
     * thread is done; the first failure of any is thrown.
     */
    private void drain() throws SQLException {
        List<Future<?>> helpers = new ArrayList<>();
        Throwable failure = null;
        try {
            drainRounds(helpers);
        } catch (SQLException | RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : helpers) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                } else {
                    failure.addSuppressed(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();     // stopping: the helpers see it and finish their round
                break;
            }
        }
        if (failure instanceof SQLException e) {
            throw e;
        } else if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * One thread's rounds. Tenants whose sync lock another writer holds (a rebuild, another
     * consumer or round) are skipped for the rest of this drain, so they never hold up the other
     * tenants; so are tenants waiting out their own backoff after a failed step
     * ({@link TenantBackoff}), and tenants that failed in this drain. {@code helpers} collects the
     * drains started alongside (null on a helper thread).
     */
    private void drainRounds(List<Future<?>> helpers) throws SQLException {
        Set<UUID> busy = new HashSet<>();
        int size = batchSize;
        while (worker.running()) {
            long start = System.nanoTime();
            Set<UUID> skip = new HashSet<>(busy);
            skip.addAll(tenantBackoff.waiting(start));
            RoundResult r = oneRound(skip, tenantBackoff.limited(), size);
            int knownBusy = busy.size();
            busy.addAll(r.busyTenants());
            busy.addAll(r.failed().keySet());
            boolean othersLeft = busy.size() > knownBusy;     // the next round looks past the tenants found busy
            recordTenants(r);
            count(r, start);
            if (r.claimed() < size && !othersLeft) {
                return;                         // drained, or only busy tenants' rows are left
            }
            ExecutorService pool = alongside;
            if (helpers != null && pool != null && r.claimed() >= size && helpers.size() < roundsInFlight - 1) {
                helpers.add(pool.submit(() -> {
                    drainRounds(null);
                    return null;
                }));
            }
            size = r.claimed() >= size ? Math.min(size * 2, MAX_ROUND_FACTOR * batchSize) : batchSize;
        }
    }

    private void count(RoundResult r, long start) {
        if (r.applied() > 0) {
            LOG.debug("realtime sync: applied {} outbox rows ({} deferred) in {} ms, lag {} ms", r.applied(),
                    r.deferred(), (System.nanoTime() - start) / 1_000_000, r.lagMillis());
            applied.addAndGet(r.applied());
            batches.incrementAndGet();
            nodesUpserted.addAndGet(r.stats().nodesUpserted);
            nodesDeleted.addAndGet(r.stats().nodesDeleted);
            edgesWritten.addAndGet(r.stats().edgesWritten);
            lastBatchAt = Instant.now();
            if (r.lagMillis() >= 0) {
                lastLagMillis.set(r.lagMillis());
                maxLagMillis.accumulateAndGet(r.lagMillis(), Math::max);
            }
        }
    }

    /** Successes clear a tenant's backoff; a failed step backs off that tenant alone (and halves its rows after a timeout). */
    private void recordTenants(RoundResult r) {
        r.succeeded().forEach(tenantBackoff::succeeded);
        r.failed().forEach((tenant, f) -> {
            TenantBackoff.State s = tenantBackoff.failed(tenant, f.error(), f.rows(), f.elapsedMillis());
            errors.incrementAndGet();
            lastError = "tenant " + tenant + ": " + s.lastError();
            LOG.warn("realtime sync: tenant {}: {} outbox rows failed after {} ms ({}); other tenants go on, "
                    + "this one retries in {} ms with at most {} rows", tenant, f.rows(), f.elapsedMillis(), s.lastError(),
                    Math.max(0, (s.retryAtNanos() - System.nanoTime()) / 1_000_000), s.rowLimit());
        });
    }

    private RoundResult oneRound(Set<UUID> busy, Map<UUID, Integer> limited, int size) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            inFlight.add(c);
            c.setAutoCommit(false);
            try {
                Transactions.pinSearchPath(c);
                RoundResult r = consumer.round(c, size, busy, limited);
                c.commit();
                consumer.committed();
                return r;
            } catch (SQLException | RuntimeException | Error e) {
                Tenants.rollbackQuietly(c);
                consumer.rolledBack();
                throw e;
            } finally {
                inFlight.remove(c);
                try {
                    if (!c.isClosed()) {
                        c.setAutoCommit(true);
                    }
                } catch (SQLException ignored) {
                    // broken connection, the pool evicts it
                }
            }
        }
    }

    private static void abort(Connection c) {
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // already gone
            }
        }
    }

    /** Configures a {@link RealtimeSync}. */
    public static final class Builder {
        private final Database database;
        private final ListenConnectionFactory listenFactory;
        private final GraphBackend graph;
        private Projection projection = Projection.defaults();
        private int batchSize = 1000;
        private int roundsInFlight = 1;
        private int chunkSize = 2000;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Function<UUID, String> graphNames = GraphNames::forTenant;
        private SyncErrorListener errorListener = SyncErrorListener.none();

        private Builder(Database database, ListenConnectionFactory listenFactory, GraphBackend graph) {
            this.database = Objects.requireNonNull(database, "database");
            this.listenFactory = Objects.requireNonNull(listenFactory, "listen");
            this.graph = Objects.requireNonNull(graph, "graph");
        }

        public Builder projection(Projection projection) {
            this.projection = Objects.requireNonNull(projection, "projection");
            return this;
        }

        /** Outbox rows claimed per round (default 1000). */
        public Builder batchSize(int batchSize) {
            this.batchSize = Checks.positive("batchSize", batchSize);
            return this;
        }

        /**
         * Rounds in flight at once under a backlog (default 1: one after another), each in its own
         * transaction on a pooled connection and on its own tenants: while one round waits for the
         * graph, the next reads PostgreSQL. Worth 2 for a single consumer of many tenants; where
         * several consumers share few tenants, keep 1, since each round in flight holds tenants the
         * other consumers then find locked. A short outbox is always drained by one round at a time.
         */
        public Builder roundsInFlight(int roundsInFlight) {
            this.roundsInFlight = Checks.positive("roundsInFlight", roundsInFlight);
            return this;
        }

        /** Graph records per round trip (default 2000). */
        public Builder chunkSize(int chunkSize) {
            this.chunkSize = Checks.positive("chunkSize", chunkSize);
            return this;
        }

        /** The safety-net poll interval (default 1 s). */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new InvalidInputException("pollInterval", pollInterval, "must be positive");
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /** The longest wait between retries after failures (default 30 s). */
        public Builder maxBackoff(Duration maxBackoff) {
            if (maxBackoff == null || maxBackoff.isNegative() || maxBackoff.isZero()) {
                throw new InvalidInputException("maxBackoff", maxBackoff, "must be positive");
            }
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** The graph of each tenant (default {@link GraphNames#forTenant(UUID)}). */
        public Builder graphNames(Function<UUID, String> graphNames) {
            this.graphNames = Objects.requireNonNull(graphNames, "graphNames");
            return this;
        }

        /** Told about every failed round (the round's changes stay queued and are retried). */
        public Builder errorListener(SyncErrorListener errorListener) {
            this.errorListener = Objects.requireNonNull(errorListener, "errorListener");
            return this;
        }

        public RealtimeSync build() {
            return new RealtimeSync(this);
        }
    }
}
