package dev.hybriddb.bench.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.Database;
import dev.hybriddb.HybridDB;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.Scenario;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.bench.internal.Pools;
import dev.hybriddb.bench.internal.Latencies;
import dev.hybriddb.bench.internal.RoundTrips;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.sync.RealtimeSync;
import dev.hybriddb.testing.PostgresService;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real-time sync of a mixed stream into graphs of growing size: task updates, inserts and
 * deletes, dependencies added and removed, assignments changed and agent updates over several
 * tenants ({@link MixedWorkload}), each its own transaction through the SDK, with the outbox
 * consumer ({@link RealtimeSync}) running. Per graph size (nodes over all tenants):
 * <ol>
 *   <li>open loop at a fixed rate: commit-to-graph lag p50/p99 of the probe writes (one in
 *       twenty, seen by a poller reading the probe tasks by id), and the outbox's peak backlog;</li>
 *   <li>a backlog: the consumer stopped, the same mix written as fast as the writers go, then the
 *       consumer started and timed until the outbox is empty (changes drained per second);</li>
 *   <li>a check that every tenant's graph has PostgreSQL's tasks, dependencies and assignments.</li>
 * </ol>
 * Targets: at least 2,000 changes/s kept up with lag p99 under 1 s; a backlog drains at 10,000
 * changes/s or more; the drain rate at the largest graph at least 0.8x the smallest. The smallest
 * size runs again on a server with durable commits (variants ending in {@code -durable}, no targets).
 */
public final class RealtimeMixed implements Scenario {
    static final int TENANTS = 4;
    static final int WRITERS = 8;
    private static final String CONSUMER_THREAD = "hybriddb-realtime-sync";
    /** Between two sweeps of the probe poller: the lag's resolution. */
    private static final long POLL_PAUSE_MILLIS = 10;

    /** Sizes of this scenario per profile. */
    record Sizes(List<Integer> nodes, int rate, int seconds, int backlog) {
        /** System property: graph sizes to run instead of the profile's, for example {@code 10000,1000000}. */
        static final String NODES = "bench.mixed.nodes";

        static Sizes of(String profile) {
            Sizes sizes = ofProfile(profile);
            String nodes = System.getProperty(NODES);
            if (nodes == null || nodes.isBlank()) {
                return sizes;
            }
            List<Integer> chosen = Arrays.stream(nodes.split(",")).map(String::trim).map(Integer::valueOf).toList();
            return new Sizes(chosen, sizes.rate(), sizes.seconds(), sizes.backlog());
        }

        private static Sizes ofProfile(String profile) {
            return switch (profile) {
                case "smoke" -> new Sizes(List.of(2_000), 200, 2, 1_000);
                case "medium" -> new Sizes(List.of(10_000, 100_000), 2_000, 15, 50_000);
                default -> new Sizes(List.of(10_000, 100_000, 1_000_000), 2_000, 20, 100_000);
            };
        }
    }

    @Override
    public String name() {
        return "realtime-mixed";
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        ScenarioResult result = new ScenarioResult(name());
        Sizes sizes = Sizes.of(ctx.profile().name());
        Map<Integer, Double> drain = new LinkedHashMap<>();
        for (int nodes : sizes.nodes()) {
            drain.put(nodes, runSize(ctx, result, sizes, nodes));
        }
        double smallest = drain.values().iterator().next();
        double largest = new ArrayList<>(drain.values()).get(drain.size() - 1);
        int lastSize = sizes.nodes().get(sizes.nodes().size() - 1);
        if (drain.size() > 1) {
            result.atLeast("backlog drain rate @" + lastSize + " / @" + sizes.nodes().get(0) + " nodes >= 0.8",
                    largest / smallest, 0.8);
        }
        durable(ctx, result, sizes);
        result.note("mixed stream over " + TENANTS + " tenants, " + WRITERS + " writers, one transaction per change: 25% task"
                + " update, 15% insert, 10% delete, 15% dependency added, 10% removed, 15% assignment changed, 5% agent update,"
                + " 5% probe; graphs loaded through PostgresSync.syncWorkspace; one RealtimeSync consumer in this JVM with two"
                + " rounds in flight (round trips counted at its DataSource and GraphBackend), then the same backlog drained by 1"
                + " and by 2 warmed consumer JVMs (ConsumerMain, one round in flight each)");
        return result;
    }

    private double runSize(BenchContext ctx, ScenarioResult result, Sizes sizes, int nodes) throws Exception {
        PostgresService pg = ctx.freshDatabase("bench_mixed");
        try {
            Migrations.using(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()).withAppRole(pg.appUser()).update();
            if (nodes == sizes.nodes().get(0)) {
                result.note("mixed stream without the -durable suffix: " + BenchContext.durabilitySettings(pg));
            }
            return measure(ctx, result, sizes, nodes, pg, "");
        } finally {
            ctx.dropDatabase(pg);
        }
    }

    /**
     * The smallest size again on the server with durable commits: open loop, backlog and graph
     * check, variants ending in {@code -durable}, reported without targets (the consumer JVMs are
     * not run again).
     */
    private void durable(BenchContext ctx, ScenarioResult result, Sizes sizes) throws Exception {
        long t0 = System.nanoTime();
        var found = ctx.migratedDurableDatabase(result);
        if (found.isEmpty()) {
            return;
        }
        String settings = BenchContext.durabilitySettings(found.get());
        ctx.log("mixed stream with durable commits (%s)", settings);
        result.note("variants ending in -durable: the smallest size again on a server with durable commits, read from it: "
                + settings);
        measure(ctx, result, sizes, sizes.nodes().get(0), found.get(), "-durable");
        ctx.log("durable pass took %.1f s", FalkorBatchSync.seconds(t0));
    }

    /** Load, open loop, backlog, (consumer JVMs,) graph check on {@code pg}; returns the backlog drain rate. */
    private double measure(BenchContext ctx, ScenarioResult result, Sizes sizes, int nodes, PostgresService pg, String suffix)
            throws Exception {
        var falkor = ctx.falkor();
        try (HybridDB db = HybridDB.builder().config(ctx.config(pg, WRITERS + 2))
                .graph(FalkorGraph.connect(falkor.host(), falkor.port())).build();
             HikariDataSource owner = Pools.owner(pg, 4, "bench-mixed-owner")) {
            GraphBackend graph = db.graph().orElseThrow();
            List<MixedGraph> tenants = load(ctx, result, db, owner, graph, nodes, suffix);
            try {
                Database ownerDb = Database.of(owner);
                MixedWorkload work = new MixedWorkload(db, tenants);
                openLoop(ctx, result, pg, ownerDb, owner, graph, work, tenants, sizes, nodes, suffix);
                double rate = backlog(ctx, result, pg, ownerDb, owner, graph, work, sizes, nodes, suffix);
                if (suffix.isEmpty()) {
                    multiConsumer(ctx, result, pg, owner, work, sizes, nodes);
                }
                checkGraphs(result, owner, graph, tenants, nodes, suffix);
                return rate;
            } finally {
                for (MixedGraph t : tenants) {
                    graph.dropGraph(GraphNames.forTenant(t.tenant));
                }
            }
        }
    }

    private static List<MixedGraph> load(BenchContext ctx, ScenarioResult result, HybridDB db, HikariDataSource owner,
                                         GraphBackend graph, int nodes, String suffix) throws Exception {
        List<MixedGraph> tenants = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < TENANTS; i++) {
            UUID tenant = ctx.newTenant(db, "mixed" + i);
            tenants.add(MixedGraph.load(owner, tenant, nodes / TENANTS));
        }
        double pgSeconds = FalkorBatchSync.seconds(t0);
        long t1 = System.nanoTime();
        PostgresSync sync = PostgresSync.create(db.database(), graph);
        for (MixedGraph t : tenants) {
            sync.syncWorkspace(t.tenant);
        }
        double graphSeconds = FalkorBatchSync.seconds(t1);
        result.metric("sdk-postgressync" + suffix, "initial projection nodes/s @" + nodes, "nodes/s", nodes / graphSeconds);
        ctx.log("%,d nodes: PostgreSQL load %.1f s, batch projection %.1f s", nodes, pgSeconds, graphSeconds);
        return tenants;
    }

    private static void openLoop(BenchContext ctx, ScenarioResult result, PostgresService pg, Database ownerDb,
                                 HikariDataSource owner, GraphBackend graph, MixedWorkload work, List<MixedGraph> tenants,
                                 Sizes sizes, int nodes, String suffix) throws Exception {
        int total = sizes.rate() * sizes.seconds();
        int base = 1_000_000;
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        Latencies lag = new Latencies();
        AtomicLong peakBacklog = new AtomicLong();
        try (RealtimeSync consumer = consumer(pg, ownerDb, graph)) {
            consumer.start();
            ProbePoller poller = new ProbePoller(graph, tenants, base, total / 20, committedAt, lag);
            Thread pollThread = new Thread(poller, "mixed-probe-poller");
            pollThread.start();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            long start = System.nanoTime();
            long period = 1_000_000_000L / sizes.rate();
            for (long seq = 0; seq < total; seq++) {
                long wait = start + seq * period - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (seq % 500 == 0) {
                    peakBacklog.accumulateAndGet(outboxRows(owner), Math::max);
                }
                long s = seq;
                writers.execute(() -> {
                    if (MixedWorkload.isProbe(s)) {
                        long probe = s / 20;
                        work.probe(probe, base + (int) probe);
                        committedAt.put(probe, System.nanoTime());
                    } else {
                        work.write();
                    }
                });
            }
            writers.shutdown();
            writers.awaitTermination(10, TimeUnit.MINUTES);
            double achieved = total / FalkorBatchSync.seconds(start);
            pollThread.join(TimeUnit.MINUTES.toMillis(5));
            pollThread.interrupt();
            String v = "sdk-realtimesync" + suffix;
            result.metric(v, "offered changes/s @" + nodes, "changes/s", achieved);
            double p50 = result.metric(v, "lag p50 @" + nodes, "ms", lag.percentileMillis(50));
            double p99 = result.metric(v, "lag p99 @" + nodes, "ms", lag.percentileMillis(99));
            result.metric(v, "peak outbox backlog @" + nodes, "rows", peakBacklog.get());
            ctx.log("%s %,d nodes open loop: %.0f changes/s offered, lag p50 %.1f ms p99 %.1f ms (%d of %d probes), peak backlog %d",
                    v, nodes, achieved, p50, p99, lag.count(), total / 20, peakBacklog.get());
            if (!suffix.isEmpty()) {
                return;                                         // reported, not a target
            }
            result.atLeast("changes/s kept up with (achieved, lag p99 < 1 s) @" + nodes + " nodes >= " + sizes.rate(),
                    p99 < 1000 && lag.count() == total / 20 ? achieved : 0, sizes.rate() * 0.95);
            result.atMost("lag p99 (ms) @" + nodes + " nodes, " + sizes.rate() + " changes/s < 1000", p99, 1000);
        }
    }

    private static double backlog(BenchContext ctx, ScenarioResult result, PostgresService pg, Database ownerDb,
                                  HikariDataSource owner, GraphBackend graph, MixedWorkload work, Sizes sizes, int nodes,
                                  String suffix) throws Exception {
        double writeRate = writeBacklog(work, sizes.backlog());
        long rows = outboxRows(owner);
        RoundTrips trips = new RoundTrips();
        long falkorPid = falkorPid(ctx);
        long start = System.nanoTime();
        double consumerCpu;
        double falkorCpu;
        double pgCpu;
        RoundTrips.Counts c;
        long counted;
        try (RealtimeSync consumer = consumer(pg, Database.of(trips.counting(owner)), trips.counting(graph))) {
            consumer.start();
            // costs are counted from the first applied round on: the consumer's start-up checks are left out
            long oldest = oldestOutboxId(owner);
            while (oldestOutboxId(owner) == oldest && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
                Thread.sleep(5);
            }
            counted = outboxRows(owner);
            RoundTrips.Counts c0 = trips.snapshot();
            double consumerCpu0 = RoundTrips.threadCpuSeconds(CONSUMER_THREAD);
            double falkorCpu0 = RoundTrips.processCpuSeconds(falkorPid);
            Map<Long, Double> pgCpu0 = postgresCpu(owner);
            awaitDrained(owner, start, rows, nodes);
            c = trips.snapshot().minus(c0);
            consumerCpu = RoundTrips.threadCpuSeconds(CONSUMER_THREAD) - consumerCpu0;
            falkorCpu = falkorPid < 0 ? -1 : RoundTrips.processCpuSeconds(falkorPid) - falkorCpu0;
            pgCpu = postgresCpuBetween(pgCpu0, postgresCpu(owner));
        }
        double seconds = FalkorBatchSync.seconds(start);
        double rate = rows / seconds;
        double per1000 = 1000.0 / Math.max(1, counted);
        String v = "sdk-realtimesync" + suffix;
        result.metric("writers" + suffix, "backlog written changes/s @" + nodes, "changes/s", writeRate);
        result.metric(v, "backlog drained changes/s @" + nodes, "changes/s", rate);
        result.metric(v, "SQL statements per 1000 changes @" + nodes, "statements", c.sql() * per1000);
        result.metric(v, "graph calls per 1000 changes @" + nodes, "calls", c.graph() * per1000);
        result.metric(v, "consumer thread CPU per 1000 changes @" + nodes, "ms", consumerCpu * 1000 * per1000);
        if (falkorCpu >= 0) {
            result.metric("falkordb" + suffix, "server CPU per 1000 changes (shared server) @" + nodes, "ms", falkorCpu * 1000 * per1000);
        }
        if (pgCpu >= 0) {
            result.metric("postgresql" + suffix, "backends' CPU per 1000 changes @" + nodes, "ms", pgCpu * 1000 * per1000);
        }
        ctx.log("%s %,d nodes backlog: %,d outbox rows (written at %.0f/s) drained in %.1f s: %.0f changes/s;"
                        + " per 1000 changes (of the last %,d): %.1f SQL statements (%.0f ms waited), %.1f graph calls"
                        + " (%.0f ms waited), consumer thread CPU %.0f ms, FalkorDB CPU %.0f ms, PostgreSQL backends' CPU %.0f ms",
                v, nodes, rows, writeRate, seconds, rate, counted, c.sql() * per1000, c.sqlNanos() / 1e6 * per1000,
                c.graph() * per1000, c.graphNanos() / 1e6 * per1000, consumerCpu * 1000 * per1000, falkorCpu * 1000 * per1000,
                pgCpu * 1000 * per1000);
        if (suffix.isEmpty()) {
            result.atLeast("backlog drain changes/s @" + nodes + " nodes >= 10,000", rate, 10_000);
        }
        return rate;
    }

    /**
     * The same backlog drained by one consumer JVM, then by two (each its own process, as adopters
     * run them), timed from the moment the consumers are told to start until the outbox is empty.
     * Each JVM first drains a warm-up backlog (a fifth of the measured one), so that the timed
     * drain compares consumers, not JVM start-up and JIT compilation.
     */
    private static void multiConsumer(BenchContext ctx, ScenarioResult result, PostgresService pg, HikariDataSource owner,
                                      MixedWorkload work, Sizes sizes, int nodes) throws Exception {
        double[] rates = new double[2];
        for (int n = 1; n <= 2; n++) {
            List<ConsumerMain.Handle> jvms = new ArrayList<>();
            Path log = Files.createTempFile("bench-consumer", ".log");
            try {
                for (int i = 0; i < n; i++) {
                    jvms.add(ConsumerMain.Handle.start(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword(),
                            ctx.falkor().host(), ctx.falkor().port(), log));
                }
                writeBacklog(work, sizes.backlog() / 5);
                long warm = System.nanoTime();
                for (ConsumerMain.Handle h : jvms) {
                    h.go();
                }
                awaitDrained(owner, warm, outboxRows(owner), nodes);
                for (ConsumerMain.Handle h : jvms) {
                    h.stop();
                }
                double warmCpu = jvms.stream().mapToDouble(ConsumerMain.Handle::cpuSeconds).sum();
                writeBacklog(work, sizes.backlog());
                long rows = outboxRows(owner);
                long start = System.nanoTime();
                for (ConsumerMain.Handle h : jvms) {
                    h.go();
                }
                awaitDrained(owner, start, rows, nodes);
                double seconds = FalkorBatchSync.seconds(start);
                rates[n - 1] = rows / seconds;
                double cpu = jvms.stream().mapToDouble(ConsumerMain.Handle::cpuSeconds).sum() - warmCpu;
                result.metric("sdk-realtimesync", n + " consumer JVM(s): backlog drained changes/s @" + nodes, "changes/s",
                        rates[n - 1]);
                result.metric("sdk-realtimesync", n + " consumer JVM(s): JVM CPU per 1000 changes @" + nodes, "ms",
                        cpu * 1e6 / rows);
                ctx.log("%,d nodes, %d warmed consumer JVM(s): %,d rows drained in %.1f s: %.0f changes/s"
                        + " (JVM CPU %.1f s, %.1f s more for the warm-up)", nodes, n, rows, seconds, rates[n - 1], cpu, warmCpu);
            } finally {
                for (ConsumerMain.Handle h : jvms) {
                    h.close();
                }
            }
        }
        result.atLeast("2 consumer JVMs / 1 consumer JVM drain rate @" + nodes + " nodes > 1", rates[1] / rates[0], 1.0);
    }

    private static double writeBacklog(MixedWorkload work, int changes) throws InterruptedException {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        long t0 = System.nanoTime();
        for (int i = 0; i < changes; i++) {
            writers.execute(work::write);
        }
        writers.shutdown();
        writers.awaitTermination(30, TimeUnit.MINUTES);
        return changes / FalkorBatchSync.seconds(t0);
    }

    private static void awaitDrained(HikariDataSource owner, long start, long rows, int nodes) throws Exception {
        long deadline = start + TimeUnit.MINUTES.toNanos(15);
        while (oldestOutboxId(owner) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("backlog of " + rows + " rows not drained in 15 minutes @" + nodes);
            }
            Thread.sleep(20);
        }
    }

    /**
     * CPU seconds of the PostgreSQL backends connected to the bench database now (the consumer's
     * among them), from {@code /proc}; -1 when not readable here.
     */
    static Map<Long, Double> postgresCpu(HikariDataSource owner) {
        Map<Long, Double> out = new LinkedHashMap<>();
        try (Connection c = owner.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            while (rs.next()) {
                double s = RoundTrips.processCpuSeconds(rs.getLong(1));
                if (s >= 0) {
                    out.put(rs.getLong(1), s);
                }
            }
        } catch (Exception e) {
            return Map.of();
        }
        return out;
    }

    /** CPU seconds between two samples of the backends present in both; -1 when none was readable. */
    static double postgresCpuBetween(Map<Long, Double> before, Map<Long, Double> after) {
        double sum = 0;
        boolean any = false;
        for (Map.Entry<Long, Double> e : after.entrySet()) {
            Double b = before.get(e.getKey());
            if (b != null) {
                sum += e.getValue() - b;
                any = true;
            }
        }
        return any ? sum : -1;
    }

    /** The FalkorDB server's process id ({@code INFO server}), or -1 when it is not readable here. */
    private static long falkorPid(BenchContext ctx) {
        try (redis.clients.jedis.Jedis j = new redis.clients.jedis.Jedis(ctx.falkor().host(), ctx.falkor().port())) {
            for (String line : j.info("server").split("\r?\n")) {
                if (line.startsWith("process_id:")) {
                    long pid = Long.parseLong(line.substring("process_id:".length()).trim());
                    return RoundTrips.processCpuSeconds(pid) >= 0 ? pid : -1;
                }
            }
        } catch (RuntimeException e) {
            // no pid: server CPU is not reported
        }
        return -1;
    }

    private static void checkGraphs(ScenarioResult result, HikariDataSource owner, GraphBackend graph,
                                    List<MixedGraph> tenants, int nodes, String suffix) throws Exception {
        int equal = 0;
        for (MixedGraph t : tenants) {
            long[] pg = MixedGraph.postgresCounts(owner, t.tenant);
            long[] g = MixedGraph.graphCounts(graph, t.tenant);
            if (Arrays.equals(pg, g)) {
                equal++;
            } else {
                result.note("DRIFT" + suffix + " @" + nodes + " tenant " + t.tenant + ": PostgreSQL tasks/dependencies/assignments "
                        + Arrays.toString(pg) + ", graph " + Arrays.toString(g));
            }
        }
        if (suffix.isEmpty()) {
            result.atLeast("tenant graphs equal to PostgreSQL after the stream @" + nodes + " (of " + tenants.size() + ")",
                    equal, tenants.size());
        } else {
            result.metric("sdk-realtimesync" + suffix, "tenant graphs equal to PostgreSQL after the stream @" + nodes,
                    "tenants", equal);
        }
    }

    private static RealtimeSync consumer(PostgresService pg, Database ownerDb, GraphBackend graph) {
        return RealtimeSync.builder(ownerDb, RealtimeSync.listenVia(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()), graph)
                .pollInterval(Duration.ofMillis(200)).roundsInFlight(2).build();
    }

    /**
     * The oldest outbox row's id, 0 when the outbox is empty: an index probe, where a count of a
     * large backlog every few milliseconds would cost PostgreSQL more CPU than the consumer's own
     * statements (and be counted as theirs).
     */
    private static long oldestOutboxId(HikariDataSource owner) throws Exception {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM hybriddb_sync.hybriddb_outbox ORDER BY id LIMIT 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static long outboxRows(HikariDataSource owner) throws Exception {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM hybriddb_sync.hybriddb_outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Reads the probe tasks of every tenant by id until every probe was seen; a probe is seen when
     * its task shows its value or a later probe's (one tenant's changes apply in commit order).
     */
    private static final class ProbePoller implements Runnable {
        private final GraphBackend graph;
        private final List<MixedGraph> tenants;
        private final int base;
        private final long probes;
        private final Map<Long, Long> committedAt;
        private final Latencies lag;

        ProbePoller(GraphBackend graph, List<MixedGraph> tenants, int base, long probes, Map<Long, Long> committedAt,
                    Latencies lag) {
            this.graph = graph;
            this.tenants = tenants;
            this.base = base;
            this.probes = probes;
            this.committedAt = committedAt;
            this.lag = lag;
        }

        @Override
        public void run() {
            boolean[] done = new boolean[(int) probes];
            long seen = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (seen < probes && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                for (int ti = 0; ti < tenants.size(); ti++) {
                    seen += pollTenant(ti, done);
                }
                try {
                    Thread.sleep(POLL_PAUSE_MILLIS);   // a spinning poller would take a core from the consumer
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private int pollTenant(int ti, boolean[] done) {
            MixedGraph t = tenants.get(ti);
            List<String> ids = t.tasks.subList(0, MixedWorkload.PROBES).stream().map(UUID::toString).toList();
            List<GraphRow> rows = graph.query(GraphNames.forTenant(t.tenant),
                    "MATCH (t:Task) WHERE t.id IN $ids RETURN t.priority AS p", Map.of("ids", ids));
            long now = System.nanoTime();
            int seen = 0;
            for (GraphRow r : rows) {
                long latest = r.getLong("p") - base;
                for (long probe = latest; probe >= 0; probe -= (long) tenants.size() * MixedWorkload.PROBES) {
                    if (probe >= done.length || done[(int) probe]) {
                        break;
                    }
                    Long c = committedAt.get(probe);
                    if (c == null) {
                        break;                                  // committed, not yet recorded: next round
                    }
                    done[(int) probe] = true;
                    seen++;
                    lag.add(Math.max(0, now - c));
                }
            }
            return seen;
        }
    }
}
