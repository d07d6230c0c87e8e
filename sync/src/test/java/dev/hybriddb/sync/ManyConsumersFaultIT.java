package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.reconcile.DriftReport;
import dev.hybriddb.sync.reconcile.Reconciler;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three real-time consumers in JVMs of their own share one outbox while writers stream into six
 * tenants; one consumer is SIGKILLed in the middle of a batch (after it claimed rows and before
 * its graph write). The outbox drains, every committed write is in PostgreSQL and the graph equals
 * PostgreSQL row by row ({@link Reconciler}); no tenant's changes were applied out of order (a
 * watcher reads each tenant's counter tasks from the graph all along: their title holds a counter
 * that only rises in PostgreSQL, so a value lower than one seen before would be an older change
 * applied after a newer one); and the work spread: every consumer applied some tenants' rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyConsumersFaultIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final int TENANTS = 6;

    private SyncTestDb db;

    @BeforeAll
    void setUp() {
        db = SyncTestDb.create("sync_many_consumers");
    }

    @AfterAll
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void threeConsumersOneKilledMidBatch() throws Exception {
        FalkorService falkor = TestServices.falkor();
        String prefix = "mc" + UUID.randomUUID().toString().substring(0, 6) + "_";
        Function<UUID, String> names = ConsumerProcess.names(prefix);
        Path dir = Files.createDirectories(Path.of("target", "many-consumers-logs"));
        List<Workspace> tenants = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(new Workspace(db.app).seed(6));
        }
        int seeded = tenants.stream().mapToInt(w -> w.tasks.size()).sum();
        List<Process> consumers = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        StreamWriter writer = new StreamWriter(tenants, 50);
        try (GraphBackend graph = FalkorGraph.connect(falkor.host(), falkor.port())) {
            for (int i = 0; i < 3; i++) {
                Path log = dir.resolve(prefix + "consumer-" + i + ".log");
                logs.add(log);
                consumers.add(ConsumerProcess.start(db, "falkor:" + falkor.host() + ":" + falkor.port(), prefix, log,
                        List.of("20", i == 0 ? "record:100" : "record:0")));   // the one to kill is slow to write
            }
            Watcher watcher = new Watcher(graph, names, tenants, writer);
            writer.start();
            watcher.start();
            await("every consumer to apply some rows", () -> IntStream.range(0, 3).allMatch(i -> !graphsWritten(logs.get(i)).isEmpty()));

            long begins = count(logs.get(0), RecordingGraph.BEGIN);
            await("a batch of consumer 0 to start its graph write", () -> count(logs.get(0), RecordingGraph.BEGIN) > begins);
            ConsumerProcess.kill9(consumers.get(0));         // inside the 100 ms before its write
            long t0 = System.nanoTime();
            Set<String> beforeKill0 = graphsWritten(logs.get(0));
            long[] endsAtKill = {count(logs.get(1), RecordingGraph.END), count(logs.get(2), RecordingGraph.END)};

            Thread.sleep(2000);
            writer.stop();
            long stopped = System.nanoTime();
            await("the outbox to drain", () -> outboxCount() == 0);
            long drained = System.nanoTime();
            watcher.stop();

            Reconciler rec = Reconciler.builder(db.owner, graph).graphNames(names).build();
            for (Workspace w : tenants) {
                DriftReport r = rec.check(w.tenant);
                assertThat(r.isClean()).as("tenant %s: %s", w.tenant, r).isTrue();
            }
            long pgTasks = tenants.stream().mapToLong(w -> db.app.inTenant(w.tenant,
                    c -> Workspace.count(c, "SELECT count(*) FROM tasks WHERE tenant_id = ?", w.tenant))).sum();
            assertThat(pgTasks).as("every committed insert is in PostgreSQL").isEqualTo(seeded + writer.tasksInserted.get());
            assertThat(watcher.violations).as("a counter seen in the graph went down: applied out of order").isEmpty();
            assertThat(watcher.reads.get()).as("the watcher read the graph").isGreaterThan(50);
            assertThat(count(logs.get(1), RecordingGraph.END)).as("consumer 1 applied rows after the kill").isGreaterThan(endsAtKill[0]);
            assertThat(count(logs.get(2), RecordingGraph.END)).as("consumer 2 applied rows after the kill").isGreaterThan(endsAtKill[1]);
            System.out.printf(Locale.ROOT, "many consumers: one of three SIGKILLed mid-batch; outbox empty %d ms after the kill"
                            + " (%d ms after the writers stopped); %d write steps into %d tenants, %d graph reads by the watcher,"
                            + " no counter went down; tenants applied per consumer: killed %d, survivors %d and %d%n",
                    (drained - t0) / 1_000_000, (drained - stopped) / 1_000_000, writer.steps.get(), TENANTS, watcher.reads.get(),
                    beforeKill0.size(), graphsWritten(logs.get(1)).size(), graphsWritten(logs.get(2)).size());
            for (Workspace w : tenants) {
                graph.dropGraph(names.apply(w.tenant));
            }
        } finally {
            writer.stop();
            for (Process p : consumers) {
                ConsumerProcess.kill9(p);
            }
        }
    }

    /**
     * Reads every counter task's title from the graph in a loop and records any value lower than
     * the one it saw before for that task.
     */
    private static final class Watcher {
        final List<String> violations = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        private final Map<UUID, Long> seen = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Watcher(GraphBackend graph, Function<UUID, String> names, List<Workspace> tenants, StreamWriter writer) {
            thread = new Thread(() -> {
                while (running.get()) {
                    for (Workspace w : tenants) {
                        String g = names.apply(w.tenant);
                        if (!graph.graphExists(g)) {
                            continue;
                        }
                        List<String> ids = writer.counters(w.tenant).stream().map(UUID::toString).toList();
                        for (GraphRow r : graph.query(g, "MATCH (t:Task) WHERE t.id IN $ids RETURN t.id AS id, t.title AS title",
                                Map.of("ids", ids))) {
                            UUID task = UUID.fromString(r.getString("id"));
                            long v = StreamWriter.value(r.getString("title"));
                            Long before = seen.put(task, v);
                            if (before != null && v < before) {
                                violations.add("task " + task + " of tenant " + w.tenant + ": " + before + " then " + v);
                            }
                            reads.incrementAndGet();
                        }
                    }
                    pause();
                }
            }, "order-watcher");
        }

        private static void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    private static Set<String> graphsWritten(Path log) {
        Set<String> out = new TreeSet<>();
        for (String line : lines(log)) {
            if (line.startsWith(RecordingGraph.END)) {
                out.add(line.substring(RecordingGraph.END.length()).trim());
            }
        }
        return out;
    }

    private static long count(Path log, String prefix) {
        return lines(log).stream().filter(l -> l.startsWith(prefix)).count();
    }

    private static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long outboxCount() {
        try {
            return db.outboxCount();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + LIMIT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
