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
 * schedule whatever the system does), p50/p99, seen by a poller reading the graph; and writer
 * throughput with the outbox triggers against the same writers with the triggers disabled.
 */
public final class RealtimeLag implements Scenario {
    static final int TASKS = 200;
    static final int WRITERS = 8;

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
            try (RealtimeSync realtime = RealtimeSync.builder(Database.of(owner),
                    RealtimeSync.listenVia(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()), graph)
                    .pollInterval(Duration.ofMillis(200)).build()) {
                realtime.start();
                for (int rate : ctx.profile().realtimeRates()) {
                    openLoop(ctx, result, db, tenant, tasks, graph, graphName, rate);
                }
                result.metric("sdk-realtimesync", "max lag (outbox to graph ack)", "ms", realtime.metrics().maxLag().toMillis());
            }
            writerThroughput(ctx, result, db, tenant, tasks, owner);
            try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM hybriddb_sync.hybriddb_outbox");        // the triggered run's rows
            }
            graph.dropGraph(graphName);
        }
        return result;
    }

    private static void openLoop(BenchContext ctx, ScenarioResult result, HybridDB db, UUID tenant, List<UUID> tasks,
                                 dev.hybriddb.graph.GraphBackend graph, String graphName, int rate) throws Exception {
        int total = rate * ctx.profile().realtimeSeconds();
        Map<Integer, Long> committedAt = new ConcurrentHashMap<>();
        Latencies lag = new Latencies();
        AtomicInteger seen = new AtomicInteger();
        int base = Integer.MAX_VALUE / 2 + rate;                 // priorities above any earlier run's
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
        result.metric("sdk-realtimesync", "achieved writes/s @" + rate + "/s", "writes/s", achieved);
        double p50 = result.metric("sdk-realtimesync", "lag p50 @" + rate + "/s", "ms", lag.percentileMillis(50));
        double p99 = result.metric("sdk-realtimesync", "lag p99 @" + rate + "/s", "ms", lag.percentileMillis(99));
        ctx.log("open loop %d/s: achieved %.0f/s, lag p50 %.1f ms, p99 %.1f ms (%d of %d seen)", rate, achieved, p50, p99, lag.count(), total);
        if (rate >= 1000) {
            result.atMost("lag p99 (ms) @" + rate + "/s < 250", p99, 250);
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

    private static void writerThroughput(BenchContext ctx, ScenarioResult result, HybridDB db, UUID tenant, List<UUID> tasks,
                                         HikariDataSource owner) throws Exception {
        int ops = ctx.profile().writerOps();
        writers(db, tenant, tasks, ops / 4, 1);                     // warm-up
        double with = 0;
        double without = 0;
        for (int round = 0; round < 2; round++) {                   // alternate to share the noise
            with += writers(db, tenant, tasks, ops / 2, 10 + round);
            triggers(owner, false);
            try {
                without += writers(db, tenant, tasks, ops / 2, 20 + round);
            } finally {
                triggers(owner, true);
            }
        }
        result.metric("sdk-outbox-triggers", "writer updates/s (8 threads)", "writes/s", with / 2);
        result.metric("no-triggers", "writer updates/s (8 threads)", "writes/s", without / 2);
        ctx.log("writers: %.0f/s with triggers, %.0f/s without", with / 2, without / 2);
        result.atLeast("writes/s with triggers / without >= 0.85", with / without, 0.85);
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
