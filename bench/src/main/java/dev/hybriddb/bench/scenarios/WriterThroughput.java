package dev.hybriddb.bench.scenarios;

import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.Database;
import dev.hybriddb.HybridDB;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.bench.internal.HostCpu;
import dev.hybriddb.sync.capture.WalCapture;
import dev.hybriddb.testing.PostgresService;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The writer-throughput half of {@link RealtimeLag}: the same writers with each capture mode and with none. */
final class WriterThroughput {
    static final int WRITER_ROUNDS = 7;
    static final int BLOCKS_PER_ARM = 40;

    private WriterThroughput() {
    }

    /** How many ABBA pairs of blocks (triggers against none) and rounds (WalCapture against none) to run. */
    record Shape(int pairs, int rounds) {
        static final Shape FULL = new Shape(BLOCKS_PER_ARM, WRITER_ROUNDS);
    }

    /**
     * Writer throughput with each capture mode against the same writers with no capture.
     * <p>Triggers against none: short blocks of {@link #BLOCKS_PER_ARM} pairs in ABBA order (the
     * triggers are switched off and on between blocks, no consumer runs), so drifts of this
     * machine's speed hit both arms alike; the ratio is the arms' total time for the same writes.
     * <p>WalCapture against none: {@link #WRITER_ROUNDS} rounds, WalCapture running (and caught up)
     * only during its arm: its thread and the server's WAL sender take CPU from the same two cores.
     * The ratio is the median round's.
     * <p>{@code suffix} ends every variant's name ({@code "-durable"} for the run on the server with
     * durable commits); targets are checked only for the run without one.
     */
    static void run(BenchContext ctx, ScenarioResult result, HybridDB db, UUID tenant, List<UUID> tasks,
                    HikariDataSource owner, PostgresService pg, String suffix, Shape shape) throws Exception {
        Database ownerDb = Database.of(owner);
        WalCapture.uninstall(ownerDb);
        writers(db, tenant, tasks, ctx.profile().writerOps() / 2, 1);                  // warm-up
        triggersAgainstNone(ctx, result, db, tenant, tasks, owner, suffix, shape.pairs());
        walAgainstNone(ctx, result, db, tenant, tasks, owner, ownerDb, pg, suffix, shape.rounds());
    }

    private static void triggersAgainstNone(BenchContext ctx, ScenarioResult result, HybridDB db, UUID tenant, List<UUID> tasks,
                                            HikariDataSource owner, String suffix, int pairs) throws Exception {
        int blockOps = Math.max(RealtimeLag.WRITERS * 4, ctx.profile().writerOps() / 20);
        double[] pairRatios = new double[pairs];
        WriterArm trig = new WriterArm();
        WriterArm none = new WriterArm();
        for (int pair = 0; pair < pairs; pair++) {
            double t;
            double n;
            if (pair % 2 == 0) {
                t = block(trig, db, tenant, tasks, blockOps, 100 + pair, owner, true);
                n = block(none, db, tenant, tasks, blockOps, 200 + pair, owner, false);
            } else {
                n = block(none, db, tenant, tasks, blockOps, 200 + pair, owner, false);
                t = block(trig, db, tenant, tasks, blockOps, 100 + pair, owner, true);
            }
            pairRatios[pair] = n / t;
        }
        triggers(owner, true);
        double ratio = none.seconds / trig.seconds;
        String summary = String.format(java.util.Locale.ROOT,
                "writers%s with triggers / none, %d ABBA pairs of %d updates: ratio %.3f; pair ratios median %.3f, quartiles %.3f-%.3f, range %.3f-%.3f",
                label(suffix), pairs, blockOps, ratio, quantile(pairRatios, 0.5), quantile(pairRatios, 0.25), quantile(pairRatios, 0.75),
                quantile(pairRatios, 0), quantile(pairRatios, 1));
        ctx.log("%s (%.0f/s with triggers, %.0f/s with no capture)", summary, trig.rate(), none.rate());
        result.metric("sdk-outbox-triggers" + suffix, "writer updates/s (8 threads)", "writes/s", trig.rate());
        result.metric("no-capture" + suffix, "writer updates/s (8 threads)", "writes/s", none.rate());
        result.metric("sdk-outbox-triggers" + suffix, "writes/s / no capture (ABBA blocks)", "x", ratio);
        result.note(summary);
        cpuPerWrite(ctx, result, "sdk-outbox-triggers", suffix, trig, none);
        if (suffix.isEmpty()) {
            result.atLeast("writes/s with the outbox triggers / without capture >= 0.85", ratio, 0.85);
        }
    }

    /** Runs one block of writes in {@code arm}, the triggers switched as given; returns its duration in seconds. */
    private static double block(WriterArm arm, HybridDB db, UUID tenant, List<UUID> tasks, int ops, int salt,
                                HikariDataSource owner, boolean withTriggers) throws Exception {
        triggers(owner, withTriggers);
        return measured(arm, db, tenant, tasks, ops, salt);
    }

    /** Runs the writers and counts their writes, time and host CPU in {@code arm}; returns the seconds taken. */
    private static double measured(WriterArm arm, HybridDB db, UUID tenant, List<UUID> tasks, int ops, int salt) throws Exception {
        Optional<HostCpu.Sample> before = HostCpu.sample();
        double seconds = writers(db, tenant, tasks, ops, salt);
        arm.add(ops, seconds, HostCpu.between(before, HostCpu.sample()));
        return seconds;
    }

    /**
     * The machine's busy CPU per write in each arm (the writers, PostgreSQL, capture: everything on
     * the host; steal excluded), and the ratio no capture / {@code variant}: what throughput would
     * be on a saturated machine whose speed did not drift.
     */
    private static void cpuPerWrite(BenchContext ctx, ScenarioResult result, String capture, String suffix, WriterArm arm,
                                    WriterArm none) {
        String variant = capture + suffix;
        if (arm.cpu.isEmpty() || none.cpu.isEmpty()) {
            result.note("host CPU per write: not measured (no /proc/stat)");
            return;
        }
        double withCapture = result.metric(variant, "host CPU per write (steal excluded)", "us", arm.cpuMicrosPerWrite());
        double without = result.metric("no-capture" + suffix, "host CPU per write (steal excluded, " + variant + " run)", "us",
                none.cpuMicrosPerWrite());
        result.metric(variant, "CPU per write: no capture / with", "x", without / withCapture);
        String line = String.format(java.util.Locale.ROOT,
                "%s: host CPU per write %.1f us with capture, %.1f us without (ratio %.3f); steal %.1f%% / %.1f%% of CPU time",
                variant, withCapture, without, without / withCapture, arm.stealPercent(), none.stealPercent());
        ctx.log("%s", line);
        result.note(line);
    }

    /** What one arm of a writer comparison took: writes, wall seconds, host CPU. */
    private static final class WriterArm {
        long ops;
        double seconds;
        Optional<HostCpu.Sample> cpu = Optional.of(new HostCpu.Sample(0, 0));

        void add(long blockOps, double blockSeconds, Optional<HostCpu.Sample> blockCpu) {
            ops += blockOps;
            seconds += blockSeconds;
            cpu = cpu.flatMap(c -> blockCpu.map(c::plus));
        }

        double rate() {
            return ops / seconds;
        }

        double cpuMicrosPerWrite() {
            return cpu.orElseThrow().busySeconds() * 1e6 / ops;
        }

        double stealPercent() {
            HostCpu.Sample c = cpu.orElseThrow();
            return 100 * c.stealSeconds() / Math.max(1e-9, c.busySeconds() + c.stealSeconds());
        }
    }

    private static void walAgainstNone(BenchContext ctx, ScenarioResult result, HybridDB db, UUID tenant, List<UUID> tasks,
                                       HikariDataSource owner, Database ownerDb, PostgresService pg, String suffix,
                                       int rounds) throws Exception {
        int ops = ctx.profile().writerOps() / 2;
        double[] wal = new double[rounds];
        double[] none = new double[rounds];
        WriterArm walArm = new WriterArm();
        WriterArm noneArm = new WriterArm();
        for (int round = 0; round < rounds; round++) {
            WalCapture.install(ownerDb);
            try (WalCapture capture = RealtimeLag.walCapture(pg, ownerDb)) {     // running only in its own arm
                capture.start();
                capture.awaitCaughtUp(Duration.ofMinutes(2));
                Optional<HostCpu.Sample> before = HostCpu.sample();
                double seconds = writers(db, tenant, tasks, ops, 20 + round);
                capture.awaitCaughtUp(Duration.ofMinutes(2));        // its CPU counts until it has caught up
                walArm.add(ops, seconds, HostCpu.between(before, HostCpu.sample()));
                wal[round] = ops / seconds;
            }
            WalCapture.uninstall(ownerDb);
            triggers(owner, false);
            try {
                none[round] = ops / measured(noneArm, db, tenant, tasks, ops, 30 + round);
            } finally {
                triggers(owner, true);
            }
            ctx.log("writers%s round %d: %.0f/s with WAL capture, %.0f/s with no capture", label(suffix), round, wal[round], none[round]);
        }
        double walRatio = medianRatio(wal, none);
        result.metric("sdk-walcapture" + suffix, "writer updates/s (8 threads)", "writes/s", median(wal));
        result.metric("sdk-walcapture" + suffix, "writes/s / no capture (median round)", "x", walRatio);
        result.note(String.format(java.util.Locale.ROOT, "writer rounds%s (WAL capture / none, writes/s): %s", label(suffix), rounds(wal, none)));
        cpuPerWrite(ctx, result, "sdk-walcapture", suffix, walArm, noneArm);
        if (suffix.isEmpty()) {
            result.atLeast("writes/s with WAL capture / without capture >= 0.85", walRatio, 0.85);
        }
    }

    /** {@code " (durable commits)"} for the durable run's notes, else nothing. */
    private static String label(String suffix) {
        return suffix.isEmpty() ? "" : " (durable commits)";
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

    /** The 8 writers updating {@code ops} tasks' descriptions, one tenant transaction each; returns the seconds taken. */
    private static double writers(HybridDB db, UUID tenant, List<UUID> tasks, int ops, int salt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RealtimeLag.WRITERS);
        AtomicLong next = new AtomicLong();
        long t0 = System.nanoTime();
        for (int w = 0; w < RealtimeLag.WRITERS; w++) {
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
        return FalkorBatchSync.seconds(t0);
    }

    private static void triggers(HikariDataSource owner, boolean enable) throws Exception {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            String verb = enable ? "ENABLE" : "DISABLE";
            st.execute("ALTER TABLE tasks " + verb + " TRIGGER tasks_hybriddb_outbox");
            st.execute("ALTER TABLE tasks " + verb + " TRIGGER tasks_hybriddb_outbox_upd");
        }
    }
}
