package dev.hybriddb.bench.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.Database;
import dev.hybriddb.HybridDB;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.Scenario;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.bench.internal.Pools;
import dev.hybriddb.bench.internal.Latencies;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.sync.RealtimeSync;
import dev.hybriddb.sync.capture.WalCapture;
import dev.hybriddb.testing.PostgresService;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real-time sync: lag from commit to graph under an open-loop load (updates issued on a fixed
 * schedule whatever the system does), p50/p99, seen by a poller reading the graph, with each
 * capture mode (outbox triggers; WalCapture reading the WAL); and writer throughput with each
 * capture mode against the same writers with no capture at all, the arms taking turns (see
 * {@link WriterThroughput}). The writer comparison runs again on a server with durable commits
 * ({@link BenchContext#migratedDurableDatabase}), its variants ending in {@code -durable}.
 */
public final class RealtimeLag implements Scenario {
    static final int TASKS = 200;
    static final int WRITERS = 8;
    private int nextBase = Integer.MAX_VALUE / 2;          // priorities above any earlier run's

    @Override
    public String name() {
        return "realtime-lag";
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        ScenarioResult result = new ScenarioResult(name());
        PostgresService pg = ctx.migratedDatabase();
        var falkor = ctx.falkor();
        try (HybridDB db = HybridDB.builder().config(ctx.config(pg, WRITERS + 2)).graph(FalkorGraph.connect(falkor.host(), falkor.port())).build();
             HikariDataSource owner = Pools.owner(pg, 3, "bench-realtime-owner")) {
            UUID tenant = ctx.newTenant(db, "realtime");
            List<UUID> tasks = tasks(db, tenant);
            var graph = db.graph().orElseThrow();
            String graphName = GraphNames.forTenant(tenant);
            PostgresSync.create(db.database(), graph).syncWorkspace(tenant);
            Database ownerDb = Database.of(owner);
            try (RealtimeSync realtime = RealtimeSync.builder(ownerDb,
                    RealtimeSync.listenVia(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()), graph)
                    .pollInterval(Duration.ofMillis(200)).build()) {
                realtime.start();
                for (int rate : ctx.profile().realtimeRates()) {
                    openLoop(ctx, result, "sdk-realtimesync", db, tenant, tasks, graph, graphName, rate);
                }
                WalCapture.install(ownerDb);
                try (WalCapture capture = walCapture(pg, ownerDb)) {
                    capture.start();
                    capture.awaitCaughtUp(Duration.ofMinutes(1));
                    for (int rate : ctx.profile().realtimeRates()) {
                        openLoop(ctx, result, "sdk-walcapture", db, tenant, tasks, graph, graphName, rate);
                    }
                }
                result.metric("sdk-realtimesync", "max lag (outbox to graph ack)", "ms", realtime.metrics().maxLag().toMillis());
            }
            result.note("writer throughput and lag above: " + BenchContext.durabilitySettings(pg));
            writerThroughput(ctx, result, db, tenant, tasks, owner, pg, "", WriterThroughput.Shape.FULL);
            graph.dropGraph(graphName);
        }
        durableWriters(ctx, result);
        return result;
    }

    /**
     * The writer-throughput comparison again on the server with durable commits (variants ending in
     * {@code -durable}, reported, no targets), when there is one.
     */
    private static void durableWriters(BenchContext ctx, ScenarioResult result) throws Exception {
        long t0 = System.nanoTime();
        var found = ctx.migratedDurableDatabase(result);
        if (found.isEmpty()) {
            return;
        }
        PostgresService pg = found.get();
        try (HybridDB db = HybridDB.builder().config(ctx.config(pg, WRITERS + 2)).build();
             HikariDataSource owner = Pools.owner(pg, 3, "bench-realtime-durable-owner")) {
            String settings = BenchContext.durabilitySettings(pg);
            ctx.log("writer throughput with durable commits (%s)", settings);
            result.note("variants ending in -durable: the same writers on a server with durable commits, read from it: " + settings);
            UUID tenant = ctx.newTenant(db, "realtime-durable");
            // smoke checks that the durable pass works, in a few seconds: a few blocks and rounds
            WriterThroughput.Shape shape = "smoke".equals(ctx.profile().name()) ? new WriterThroughput.Shape(4, 1)
                    : WriterThroughput.Shape.FULL;
            writerThroughput(ctx, result, db, tenant, tasks(db, tenant), owner, pg, "-durable", shape);
        }
        ctx.log("durable pass (server start and migration included) took %.1f s", FalkorBatchSync.seconds(t0));
    }

    private static void writerThroughput(BenchContext ctx, ScenarioResult result, HybridDB db, UUID tenant, List<UUID> tasks,
                                         HikariDataSource owner, PostgresService pg, String suffix,
                                         WriterThroughput.Shape shape) throws Exception {
        Database ownerDb = Database.of(owner);
        try {
            WriterThroughput.run(ctx, result, db, tenant, tasks, owner, pg, suffix, shape);
        } finally {
            WalCapture.uninstall(ownerDb);
            WalCapture.dropSlot(ownerDb);
        }
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM hybriddb_sync.hybriddb_outbox");        // the triggered run's rows
        }
    }

    /** {@link #TASKS} new tasks of {@code tenant}. */
    private static List<UUID> tasks(HybridDB db, UUID tenant) {
        return db.withTenant(tenant, s -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                ids.add((UUID) s.dsl().fetchValue("INSERT INTO tasks (tenant_id, title) VALUES (?, ?) RETURNING id", tenant, "t" + i));
            }
            return ids;
        });
    }

    static WalCapture walCapture(PostgresService pg, Database owner) {
        return WalCapture.builder(owner, WalCapture.replicationVia(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword())).build();
    }

    private void openLoop(BenchContext ctx, ScenarioResult result, String variant, HybridDB db, UUID tenant, List<UUID> tasks,
                          dev.hybriddb.graph.GraphBackend graph, String graphName, int rate) throws Exception {
        int total = rate * ctx.profile().realtimeSeconds();
        Map<Integer, Long> committedAt = new ConcurrentHashMap<>();
        Latencies lag = new Latencies();
        AtomicInteger seen = new AtomicInteger();
        int base = nextBase;
        nextBase += total + 1;
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        Thread poller = new Thread(() -> poll(graph, graphName, tasks.size(), base, total, committedAt, lag, seen), "lag-poller");
        poller.start();
        long start = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int seq = i;
            writers.execute(() -> {
                db.useTenant(tenant, s -> {
                    s.dsl().execute("UPDATE tasks SET priority = ? WHERE id = ?", base + seq, tasks.get(seq % tasks.size()));
                });
                committedAt.put(seq, System.nanoTime());
            });
        }
        writers.shutdown();
        writers.awaitTermination(5, TimeUnit.MINUTES);
        double achieved = total / FalkorBatchSync.seconds(start);
        poller.join(TimeUnit.SECONDS.toMillis(30));
        poller.interrupt();
        result.metric(variant, "achieved writes/s @" + rate + "/s", "writes/s", achieved);
        double p50 = result.metric(variant, "lag p50 @" + rate + "/s", "ms", lag.percentileMillis(50));
        double p99 = result.metric(variant, "lag p99 @" + rate + "/s", "ms", lag.percentileMillis(99));
        ctx.log("%s open loop %d/s: achieved %.0f/s, lag p50 %.1f ms, p99 %.1f ms (%d of %d seen)", variant, rate, achieved, p50, p99,
                lag.count(), total);
        if (rate >= 1000) {
            result.atMost(variant + " lag p99 (ms) @" + rate + "/s < 250", p99, 250);
        }
    }

    /** Reads every task's priority in a loop; a write is visible once its task shows its priority or a later one. */
    private static void poll(dev.hybriddb.graph.GraphBackend graph, String graphName, int tasks, int base, int total,
                             Map<Integer, Long> committedAt, Latencies lag, AtomicInteger seen) {
        boolean[] done = new boolean[total];
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (seen.get() < total && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            List<GraphRow> rows = graph.query(graphName, "MATCH (t:Task) WHERE t.priority >= $base RETURN t.priority AS p", Map.of("base", base));
            long now = System.nanoTime();
            int[] latest = new int[tasks];
            java.util.Arrays.fill(latest, -1);
            for (GraphRow r : rows) {
                int seq = (int) (r.getLong("p") - base);
                latest[seq % tasks] = Math.max(latest[seq % tasks], seq);
            }
            for (int slot = 0; slot < tasks; slot++) {
                for (int seq = latest[slot]; seq >= 0; seq -= tasks) {
                    if (done[seq]) break;
                    Long c = committedAt.get(seq);
                    if (c == null) continue;                   // committed, not yet recorded: next round
                    done[seq] = true;
                    seen.incrementAndGet();
                    lag.add(Math.max(0, now - c));
                }
            }
        }
    }
}
