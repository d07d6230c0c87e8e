package dev.hybriddb.bench.scenarios;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.Database;
import dev.hybriddb.HybridDB;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.Scenario;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.bench.internal.Latencies;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.sync.RealtimeSync;
import dev.hybriddb.sync.WalCapture;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real-time sync: lag from commit to graph under an open-loop load (updates issued on a fixed
 * schedule whatever the system does), p50/p99, seen by a poller reading the graph, with each
 * capture mode (outbox triggers; WalCapture reading the WAL); and writer throughput with each
 * capture mode against the same writers with no capture at all, the arms taking turns (see
 * {@link #writerThroughput}).
 */
public final class RealtimeLag implements Scenario {
    static final int TASKS = 200;
    static final int WRITERS = 8;
    static final int WRITER_ROUNDS = 7;
    static final int BLOCKS_PER_ARM = 40;
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
             HikariDataSource owner = ownerPool(pg)) {
            UUID tenant = ctx.newTenant(db, "realtime");
            List<UUID> tasks = db.withTenant(tenant, s -> {
                List<UUID> ids = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    ids.add((UUID) s.dsl().fetchValue("INSERT INTO tasks (tenant_id, title) VALUES (?, ?) RETURNING id", tenant, "t" + i));
                }
                return ids;
            });
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
            try {
                writerThroughput(ctx, result, db, tenant, tasks, owner, pg);
            } finally {
                WalCapture.uninstall(ownerDb);
                WalCapture.dropSlot(ownerDb);
            }
            try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM hybriddb_sync.hybriddb_outbox");        // the triggered run's rows
            }
            graph.dropGraph(graphName);
        }
        return result;
    }

    private static WalCapture walCapture(PostgresService pg, Database owner) {
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

    /**
     * Writer throughput with each capture mode against the same writers with no capture.
     * <p>Triggers against none: short blocks of {@link #BLOCKS_PER_ARM} pairs in ABBA order (the
     * triggers are switched off and on between blocks, no consumer runs), so drifts of this
     * machine's speed hit both arms alike; the ratio is the arms' total time for the same writes.
     * <p>WalCapture against none: {@link #WRITER_ROUNDS} rounds, WalCapture running (and caught up)
     * only during its arm: its thread and the server's WAL sender take CPU from the same two cores.
     * The ratio is the median round's.
     */
    private static void writerThroughput(BenchContext ctx, ScenarioResult result, HybridDB db, UUID tenant, List<UUID> tasks,
                                         HikariDataSource owner, PostgresService pg) throws Exception {
        Database ownerDb = Database.of(owner);
        WalCapture.uninstall(ownerDb);
        writers(db, tenant, tasks, ctx.profile().writerOps() / 2, 1);                  // warm-up
        triggersAgainstNone(ctx, result, db, tenant, tasks, owner);
        walAgainstNone(ctx, result, db, tenant, tasks, owner, ownerDb, pg);
    }

    private static void triggersAgainstNone(BenchContext ctx, ScenarioResult result, HybridDB db, UUID tenant, List<UUID> tasks,
                                            HikariDataSource owner) throws Exception {
        int blockOps = Math.max(WRITERS * 4, ctx.profile().writerOps() / 20);
        double[] pairRatios = new double[BLOCKS_PER_ARM];
        double triggerSeconds = 0;
        double noneSeconds = 0;
        for (int pair = 0; pair < BLOCKS_PER_ARM; pair++) {
            double t;
            double n;
            if (pair % 2 == 0) {
                t = blockSeconds(db, tenant, tasks, blockOps, 100 + pair, owner, true);
                n = blockSeconds(db, tenant, tasks, blockOps, 200 + pair, owner, false);
            } else {
                n = blockSeconds(db, tenant, tasks, blockOps, 200 + pair, owner, false);
                t = blockSeconds(db, tenant, tasks, blockOps, 100 + pair, owner, true);
            }
            triggerSeconds += t;
            noneSeconds += n;
            pairRatios[pair] = n / t;
        }
        triggers(owner, true);
        double ops = (double) blockOps * BLOCKS_PER_ARM;
        double ratio = noneSeconds / triggerSeconds;
        String summary = String.format(java.util.Locale.ROOT,
                "writers with triggers / none, %d ABBA pairs of %d updates: ratio %.3f; pair ratios median %.3f, quartiles %.3f-%.3f, range %.3f-%.3f",
                BLOCKS_PER_ARM, blockOps, ratio, quantile(pairRatios, 0.5), quantile(pairRatios, 0.25), quantile(pairRatios, 0.75),
                quantile(pairRatios, 0), quantile(pairRatios, 1));
        ctx.log("%s (%.0f/s with triggers, %.0f/s with no capture)", summary, ops / triggerSeconds, ops / noneSeconds);
        result.metric("sdk-outbox-triggers", "writer updates/s (8 threads)", "writes/s", ops / triggerSeconds);
        result.metric("no-capture", "writer updates/s (8 threads)", "writes/s", ops / noneSeconds);
        result.metric("sdk-outbox-triggers", "writes/s / no capture (ABBA blocks)", "x", ratio);
        result.note(summary);
        result.atLeast("writes/s with the outbox triggers / without capture >= 0.85", ratio, 0.85);
    }

    private static double blockSeconds(HybridDB db, UUID tenant, List<UUID> tasks, int ops, int salt, HikariDataSource owner,
                                       boolean withTriggers) throws Exception {
        triggers(owner, withTriggers);
        return ops / writers(db, tenant, tasks, ops, salt);
    }

    private static void walAgainstNone(BenchContext ctx, ScenarioResult result, HybridDB db, UUID tenant, List<UUID> tasks,
                                       HikariDataSource owner, Database ownerDb, PostgresService pg) throws Exception {
        int ops = ctx.profile().writerOps() / 2;
        double[] wal = new double[WRITER_ROUNDS];
        double[] none = new double[WRITER_ROUNDS];
        for (int round = 0; round < WRITER_ROUNDS; round++) {
            WalCapture.install(ownerDb);
            try (WalCapture capture = walCapture(pg, ownerDb)) {     // running only in its own arm
                capture.start();
                capture.awaitCaughtUp(Duration.ofMinutes(2));
                wal[round] = writers(db, tenant, tasks, ops, 20 + round);
                capture.awaitCaughtUp(Duration.ofMinutes(2));
            }
            WalCapture.uninstall(ownerDb);
            triggers(owner, false);
            try {
                none[round] = writers(db, tenant, tasks, ops, 30 + round);
            } finally {
                triggers(owner, true);
            }
            ctx.log("writers round %d: %.0f/s with WAL capture, %.0f/s with no capture", round, wal[round], none[round]);
        }
        double walRatio = medianRatio(wal, none);
        result.metric("sdk-walcapture", "writer updates/s (8 threads)", "writes/s", median(wal));
        result.metric("sdk-walcapture", "writes/s / no capture (median round)", "x", walRatio);
        result.note(String.format(java.util.Locale.ROOT, "writer rounds (WAL capture / none, writes/s): %s", rounds(wal, none)));
        result.atLeast("writes/s with WAL capture / without capture >= 0.85", walRatio, 0.85);
    }

    private static double quantile(double[] values, double q) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double medianRatio(double[] arm, double[] baseline) {
        double[] r = new double[arm.length];
        for (int i = 0; i < arm.length; i++) {
            r[i] = arm[i] / baseline[i];
        }
        return median(r);
    }

    private static String rounds(double[] a, double[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : "; ").append(String.format(java.util.Locale.ROOT, "%.0f / %.0f", a[i], b[i]));
        }
        return sb.toString();
    }

    private static double writers(HybridDB db, UUID tenant, List<UUID> tasks, int ops, int salt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        AtomicLong next = new AtomicLong();
        long t0 = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            pool.execute(() -> {
                for (long i = next.getAndIncrement(); i < ops; i = next.getAndIncrement()) {
                    long v = i;
                    db.useTenant(tenant, s -> {
                        s.dsl().execute("UPDATE tasks SET description = ? WHERE id = ?", "v" + salt + "-" + v, tasks.get((int) (v % tasks.size())));
                    });
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return ops / FalkorBatchSync.seconds(t0);
    }

    private static void triggers(HikariDataSource owner, boolean enable) throws Exception {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            String verb = enable ? "ENABLE" : "DISABLE";
            st.execute("ALTER TABLE tasks " + verb + " TRIGGER tasks_hybriddb_outbox");
            st.execute("ALTER TABLE tasks " + verb + " TRIGGER tasks_hybriddb_outbox_upd");
        }
    }

    private static HikariDataSource ownerPool(PostgresService pg) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(pg.jdbcUrl());
        c.setUsername(pg.adminUser());
        c.setPassword(pg.adminPassword());
        c.setMaximumPoolSize(3);
        c.setPoolName("bench-realtime-owner");
        return new HikariDataSource(c);
    }
}
