package dev.hybriddb.micrometer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridDB;
import dev.hybriddb.coordination.CoordinationMode;
import dev.hybriddb.graph.GraphSync;
import dev.hybriddb.graph.SyncStatus;
import dev.hybriddb.sync.SyncTelemetry;
import dev.hybriddb.sync.capture.WalCapture;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer meters for one {@link HybridDB}: its connection pool, the sync, the WAL capture and
 * the coordination queries. Usable with any {@link MeterRegistry}, with or without Spring:
 *
 * <pre>{@code
 * HybridDB db = HybridDB.builder().config(cfg).graph(graph).sync(SyncMode.REALTIME)
 *         .poolCustomizer(HybridDBMetrics.poolMetrics(registry))   // pool meters from the first connection
 *         .build();
 * HybridDBMetrics metrics = new HybridDBMetrics(db);
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <p>The meters (every one carries the common tags given to the constructor; the tenant is never a
 * tag, since one time series per tenant would grow without bound):
 * <ul>
 *   <li>{@code hikaricp.*} (tag {@code pool}): HikariCP's own meters for the built-in pool of the
 *       application role, through its {@link MicrometerMetricsTrackerFactory}: set by
 *       {@link #poolMetrics(MeterRegistry)} before the pool opens, or by {@link #bindTo} on a pool
 *       that has no tracker yet.</li>
 *   <li>{@code hybriddb.sync.applied}, {@code hybriddb.sync.errors},
 *       {@code hybriddb.sync.graph.restarts}: function counters (tag {@code mode}).</li>
 *   <li>{@code hybriddb.sync.backlog} (rows waiting in the outbox, all tenants),
 *       {@code hybriddb.sync.outbox.oldest.age} (seconds), {@code hybriddb.sync.lag} and
 *       {@code hybriddb.sync.lag.max} (commit-to-graph time, seconds), {@code hybriddb.sync.running}
 *       (1 or 0): gauges. A value PostgreSQL did not give is NaN.</li>
 *   <li>{@code hybriddb.capture.rows}, {@code hybriddb.capture.transactions},
 *       {@code hybriddb.capture.errors}: function counters of the WAL capture;
 *       {@code hybriddb.capture.retained.wal} (bytes the capture slot keeps): gauge. Present in
 *       {@code WAL_CAPTURE} mode, the gauge wherever the slot exists.</li>
 *   <li>{@code hybriddb.coordination.queries}: a timer per query (tags {@code query},
 *       {@code source} = {@code graph} or {@code sql}, {@code outcome} = {@code success} or
 *       {@code error}); {@code hybriddb.coordination.fallback}: 1 while the graph is unreachable
 *       and answers come from SQL.</li>
 * </ul>
 *
 * <p>The sync's status is read at most once per {@link #HybridDBMetrics(HybridDB, Iterable, Duration)
 * cache interval} (default 1 s) however many meters are polled, since each read counts the outbox.
 * {@link #close()} detaches the coordination listener; meters already registered stay with the
 * registry.
 */
public final class HybridDBMetrics implements MeterBinder, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HybridDBMetrics.class);
    /** The default time a sync status snapshot is reused across meters. */
    public static final Duration DEFAULT_CACHE = Duration.ofSeconds(1);

    private final HybridDB db;
    private final Tags tags;
    private final StatusCache status;
    private final CopyOnWriteArrayList<AutoCloseable> listeners = new CopyOnWriteArrayList<>();

    /** Meters for {@code db} without common tags. */
    public HybridDBMetrics(HybridDB db) {
        this(db, Tags.empty(), DEFAULT_CACHE);
    }

    /**
     * Meters for {@code db}, each with {@code tags} (for example {@code Tags.of("db", "orders")} when
     * one application runs several HybridDBs); the sync status is reused for {@code cacheFor}.
     */
    public HybridDBMetrics(HybridDB db, Iterable<Tag> tags, Duration cacheFor) {
        this.db = Objects.requireNonNull(db, "db");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
        if (cacheFor == null || cacheFor.isNegative()) {
            throw new dev.hybriddb.InvalidInputException("cacheFor", cacheFor, "must be zero or positive");
        }
        this.status = new StatusCache(cacheFor);
    }

    /**
     * A {@code HybridDB.Builder.poolCustomizer} that gives the built-in pool HikariCP's Micrometer
     * tracker, so that the {@code hikaricp.*} meters exist from the pool's first connection.
     */
    public static Consumer<HikariConfig> poolMetrics(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return hc -> hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindPool(registry);
        GraphSync sync = syncOrNull();
        if (sync != null) {
            bindSync(registry, sync);
        }
        SyncTelemetry telemetry = serviceOrNull(SyncTelemetry.class);
        if (telemetry != null) {
            bindTelemetry(registry, telemetry);
        }
        bindCoordination(registry);
    }

    private void bindPool(MeterRegistry registry) {
        DataSource ds = db.database().dataSource();
        if (ds instanceof HikariDataSource hikari && hikari.getMetricsTrackerFactory() == null
                && hikari.getMetricRegistry() == null) {
            try {
                hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            } catch (IllegalStateException e) {
                LOG.debug("pool {} already has a metrics tracker: {}", hikari.getPoolName(), e.getMessage());
            }
        }
    }

    private void bindSync(MeterRegistry registry, GraphSync sync) {
        Tags t = tags.and("mode", sync.mode().name().toLowerCase(Locale.ROOT));
        status.source = sync;
        counter(registry, "hybriddb.sync.applied", "changes applied to the graph since start", t, s -> s.applied());
        counter(registry, "hybriddb.sync.errors", "failed sync rounds (their changes were retried)", t, s -> s.errors());
        counter(registry, "hybriddb.sync.graph.restarts", "graph server restarts detected and recovered from", t,
                s -> s.graphRestarts());
        Gauge.builder("hybriddb.sync.backlog", status, c -> nanIfNegative(c.get().backlog()))
                .description("changes waiting in the outbox (all tenants)").baseUnit("rows").tags(t).register(registry);
        Gauge.builder("hybriddb.sync.running", status, c -> c.get().running() ? 1 : 0)
                .description("1 while the background consumer runs").tags(t).register(registry);
        TimeGauge.builder("hybriddb.sync.lag", status, TimeUnit.MILLISECONDS, c -> c.get().lastLag().toMillis())
                .description("commit-to-graph time of the last applied batch's oldest change").tags(t).register(registry);
        TimeGauge.builder("hybriddb.sync.lag.max", status, TimeUnit.MILLISECONDS, c -> c.get().maxLag().toMillis())
                .description("the longest commit-to-graph time since start").tags(t).register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, Tags t,
                         ToDoubleFunction<SyncStatus> f) {
        FunctionCounter.builder(name, status, c -> f.applyAsDouble(c.get()))
                .description(description).tags(t).register(registry);
    }

    private void bindTelemetry(MeterRegistry registry, SyncTelemetry telemetry) {
        TimeGauge.builder("hybriddb.sync.outbox.oldest.age", telemetry, TimeUnit.MILLISECONDS,
                        s -> s.outboxOldestAge().map(Duration::toMillis).orElse(0L))
                .description("age of the oldest change waiting in the outbox (0 when empty)").tags(tags).register(registry);
        Gauge.builder("hybriddb.capture.retained.wal", telemetry, s -> {
                    var bytes = s.retainedWalBytes();
                    return bytes.isPresent() ? bytes.getAsLong() : Double.NaN;
                })
                .description("WAL kept by the capture slot (NaN without a slot)").baseUnit("bytes").tags(tags)
                .register(registry);
        WalCapture capture = telemetry.capture().orElse(null);
        if (capture != null) {
            FunctionCounter.builder("hybriddb.capture.rows", capture, WalCapture::capturedRows)
                    .description("row changes read from the WAL and written to the outbox").baseUnit("rows").tags(tags)
                    .register(registry);
            FunctionCounter.builder("hybriddb.capture.transactions", capture, WalCapture::transactions)
                    .description("transactions read from the WAL").tags(tags).register(registry);
            FunctionCounter.builder("hybriddb.capture.errors", capture, WalCapture::errors)
                    .description("failed capture rounds (retried)").tags(tags).register(registry);
        }
    }

    private void bindCoordination(MeterRegistry registry) {
        var coordinator = db.coordinator();
        Gauge.builder("hybriddb.coordination.fallback", coordinator, c -> c.mode() == CoordinationMode.SQL_FALLBACK ? 1 : 0)
                .description("1 while the graph is unreachable and coordination answers come from SQL").tags(tags)
                .register(registry);
        listeners.add(coordinator.addListener((query, source, elapsed, failure) ->
                Timer.builder("hybriddb.coordination.queries")
                        .description("coordination query latency, by query and by the store that answered")
                        .tags(tags).tag("query", query).tag("source", source == CoordinationMode.GRAPH ? "graph" : "sql")
                        .tag("outcome", failure == null ? "success" : "error")
                        .register(registry).record(elapsed)));
    }

    private GraphSync syncOrNull() {
        try {
            return db.sync();
        } catch (ConfigurationException e) {
            return null;
        }
    }

    private <S> S serviceOrNull(Class<S> type) {
        try {
            return db.service(type);
        } catch (ConfigurationException e) {
            return null;
        }
    }

    private static double nanIfNegative(long v) {
        return v < 0 ? Double.NaN : v;
    }

    /** Detaches the coordination listeners this binder added. */
    @Override
    public void close() {
        for (AutoCloseable l : listeners) {
            try {
                l.close();
            } catch (Exception e) {
                LOG.debug("detaching a coordination listener failed: {}", e.toString());
            }
        }
        listeners.clear();
    }

    /** One {@link SyncStatus} shared by the sync meters for a short while. */
    private static final class StatusCache {
        private final long ttlNanos;
        private volatile GraphSync source;
        private SyncStatus last;
        private long readAt;

        StatusCache(Duration ttl) {
            this.ttlNanos = ttl.toNanos();
        }

        synchronized SyncStatus get() {
            long now = System.nanoTime();
            if (last == null || now - readAt >= ttlNanos) {
                last = source.status();
                readAt = now;
            }
            return last;
        }
    }
}
