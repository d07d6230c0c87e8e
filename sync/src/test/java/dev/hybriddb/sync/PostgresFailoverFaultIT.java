package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.Database;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphLayout;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.sync.reconcile.DriftReport;
import dev.hybriddb.sync.reconcile.Reconciler;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresPair;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failover of PostgreSQL under a write stream: writer threads commit through the SDK (a HybridDB
 * on the multi-host URL of a private primary and its synchronous standby) while its real-time sync
 * projects into FalkorDB; the primary's postmaster and backends are SIGKILLed, the standby is
 * promoted a second later, and nothing else is done by hand. Within a bounded time the writers
 * commit again, the outbox (replicated with the data) drains on the new primary, every commit the
 * SDK acknowledged is there, and the graph equals PostgreSQL row by row and edge by edge. Prints
 * the recovery times.
 */
class PostgresFailoverFaultIT {
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(90);
    private static final int WRITERS = 3;

    private PostgresPair pair;
    private HybridDB db;
    private HikariDataSource ownerPool;
    private GraphBackend checkGraph;

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
        if (ownerPool != null) {
            ownerPool.close();
        }
        if (checkGraph != null) {
            checkGraph.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void outboxModeSurvivesAKilledPrimaryAndAPromotedStandby() throws Exception {
        failover(SyncMode.REALTIME);
    }

    /**
     * WAL capture: the capture slot is a failover slot that the standby keeps in sync, so the
     * capture resumes from the standby's copy after the promotion.
     */
    @Test
    void walCaptureResumesFromTheFailoverSlotOnThePromotedStandby() throws Exception {
        failover(SyncMode.WAL_CAPTURE);
    }

    private void failover(SyncMode mode) throws Exception {
        pair = TestServices.privatePostgresPair();
        PostgresService pg = pair.service();
        Migrations.using(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()).withAppRole(pg.appUser()).update();
        FalkorService falkor = TestServices.falkor();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Function<UUID, String> names = ConsumerProcess.names("failover_" + run + "_");
        // tag::failover-config[]
        // pg.jdbcUrl(): jdbc:postgresql://127.0.0.1:<primary>,127.0.0.1:<standby>/hybriddb?targetServerType=primary
        db = HybridDB.builder()
                .config(HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                        .migrationUser(pg.adminUser()).migrationPassword(pg.adminPassword())
                        .connectionTimeout(Duration.ofSeconds(2)).retryAttempts(6).retryDelay(Duration.ofMillis(250))
                        .minPoolSize(0).maxPoolSize(WRITERS + 2).build())
                .graph(FalkorGraph.connect(falkor.host(), falkor.port()))
                .layout(GraphLayout.builder().graphNames(names).build())
                .sync(mode)
                .build();
        // end::failover-config[]
        checkGraph = FalkorGraph.connect(falkor.host(), falkor.port());
        ownerPool = ownerPool(pg);
        Database owner = Database.of(ownerPool);

        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(new Writer(db, "w" + i));
        }
        writers.forEach(Writer::start);
        await(Duration.ofSeconds(30), "the writers to commit and the graph to follow",
                () -> writers.stream().allMatch(w -> w.acknowledged.get() >= 10 && graphTasks(names.apply(w.tenant)) >= 5));
        Thread.sleep(1000);                                     // mid-stream
        if (mode == SyncMode.WAL_CAPTURE) {
            // Only to save test time: the standby's slot sync worker naps up to 30 s while nothing changes
            // (restarting it wakes it), and a synced slot is kept once the primary's has moved past the
            // standby's catalog xmin, at the next snapshot the primary logs (every 15 s; logged now).
            pair.superuserExec(pair.standbyPort(), "ALTER SYSTEM SET sync_replication_slots = off");
            pair.superuserExec(pair.standbyPort(), "SELECT pg_reload_conf()");
            Thread.sleep(300);
            pair.superuserExec(pair.standbyPort(), "ALTER SYSTEM SET sync_replication_slots = on");
            pair.superuserExec(pair.standbyPort(), "SELECT pg_reload_conf()");
            try {
                await(Duration.ofSeconds(60), "the standby to hold a synced copy of the capture's failover slot", () -> {
                    logSnapshot();
                    return "true".equals(standbySlot("(synced AND NOT temporary)"));
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; primary: " + slots(pair.primaryPort()) + "; standby: "
                        + slots(pair.standbyPort()), e);
            }
        }

        long killedAt = System.nanoTime();
        pair.killPrimary();
        long ackedBeforeKill = writers.stream().mapToLong(w -> w.acknowledged.get()).sum();
        Thread.sleep(1000);                                     // the time a failover manager takes to decide
        pair.promoteStandby();
        long promotedAt = System.nanoTime();

        await(RECOVERY_LIMIT, "every writer to commit on the promoted standby",
                () -> writers.stream().allMatch(w -> w.lastAckAt.get() > promotedAt));
        long writesResumed = writers.stream().mapToLong(w -> firstAckAfter(w, promotedAt)).max().orElseThrow();
        Thread.sleep(2000);                                     // more writes on the new primary
        for (Writer w : writers) {
            w.stop();
        }
        await(RECOVERY_LIMIT, "the outbox to drain on the new primary", () -> outboxCount(owner) == 0);
        Reconciler reconciler = Reconciler.builder(owner, checkGraph).graphNames(names).build();
        await(RECOVERY_LIMIT, "the graph to equal PostgreSQL", () -> writers.stream()
                .allMatch(w -> reconciler.check(w.tenant).isClean()) && outboxCount(owner) == 0);
        long equalAt = System.nanoTime();

        for (Writer w : writers) {
            w.assertAcknowledgedCommitsKept(db);
            DriftReport r = reconciler.check(w.tenant);
            assertThat(r.isClean()).as("tenant %s: %s", w.tenant, r).isTrue();
        }
        assertThat(outboxCount(owner)).isZero();
        assertThat(pair.superuserQuery(pair.standbyPort(), "SELECT pg_is_in_recovery()")).isEqualTo("f");
        assertThat(pair.superuserQuery(pair.standbyPort(), "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hybriddb-sync'"))
                .as("the consumer's LISTEN connection is open on the new primary").isEqualTo("1");
        if (mode == SyncMode.WAL_CAPTURE) {
            assertThat(standbySlot("failover")).as("the capture reads its failover slot on the new primary").isEqualTo("true");
            assertThat(standbySlot("active")).isEqualTo("true");
        }
        long acked = writers.stream().mapToLong(w -> w.acknowledged.get()).sum();
        long uncertain = writers.stream().mapToLong(w -> w.failed.get()).sum();
        System.out.printf(Locale.ROOT, "postgres failover (%s): primary killed, standby promoted after %d ms; writes committed"
                        + " again %d ms after the kill (%d ms after the promotion); outbox drained and graph equal to PostgreSQL"
                        + " %d ms after the kill; %d commits acknowledged (%d before the kill), %d failed or uncertain, none lost%n",
                mode, (promotedAt - killedAt) / 1_000_000, (writesResumed - killedAt) / 1_000_000,
                (writesResumed - promotedAt) / 1_000_000, (equalAt - killedAt) / 1_000_000, acked, ackedBeforeKill, uncertain);
        for (Writer w : writers) {
            assertThat(w.errors).as("writer %s: only failures of the failover window", w.name)
                    .allSatisfy(e -> assertThat(e).isInstanceOf(dev.hybriddb.UnavailableException.class));
        }
    }

    private void logSnapshot() {
        try {
            pair.superuserExec(pair.primaryPort(), "SELECT pg_log_standby_snapshot()");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String slots(int port) {
        try {
            return pair.superuserQuery(port, "SELECT string_agg(concat_ws(' ', slot_name, 'failover', failover, 'synced', synced,"
                    + " 'temporary', temporary, 'active', active, 'catalog_xmin', catalog_xmin, 'confirmed', confirmed_flush_lsn), '; ')"
                    + " FROM pg_replication_slots");
        } catch (java.sql.SQLException e) {
            return e.toString();
        }
    }

    private String standbySlot(String column) {
        try {
            return pair.superuserQuery(pair.standbyPort(), "SELECT " + column + "::text FROM pg_replication_slots"
                    + " WHERE slot_name LIKE 'hybriddb\\_capture\\_%'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long graphTasks(String graph) {
        return checkGraph.query(graph, "MATCH (n:Task) RETURN count(n) AS c", Map.of()).get(0).getLong("c");
    }

    private static long firstAckAfter(Writer w, long t) {
        return w.ackTimes.stream().filter(x -> x > t).findFirst().orElse(Long.MAX_VALUE);
    }

    private static HikariDataSource ownerPool(PostgresService pg) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(pg.jdbcUrl());
        c.setUsername(pg.adminUser());
        c.setPassword(pg.adminPassword());
        c.setMaximumPoolSize(2);
        c.setMinimumIdle(0);
        c.setConnectionTimeout(2000);
        c.setPoolName("failover-it-owner");
        return new HikariDataSource(c);
    }

    private static long outboxCount(Database owner) {
        try {
            return owner.inTransaction(c -> Workspace.count(c, "SELECT count(*) FROM hybriddb_sync.hybriddb_outbox"));
        } catch (RuntimeException e) {
            return -1;                                  // no primary yet
        }
    }

    private static void await(Duration limit, String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!safely(done)) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean safely(BooleanSupplier done) {
        try {
            return done.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * One tenant's writes through the SDK: new tasks, retitled tasks and assignments to agents
     * (edges). Records what the SDK acknowledged, and the titles whose commit failed or is
     * uncertain (a connection lost during COMMIT), which may or may not have been applied.
     */
    private static final class Writer {
        final String name;
        final UUID tenant;
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong lastAckAt = new AtomicLong();
        final List<Long> ackTimes = new CopyOnWriteArrayList<>();
        final List<RuntimeException> errors = new CopyOnWriteArrayList<>();
        /** task -> titles acknowledged, in order; and titles not acknowledged (maybe applied). */
        private final Map<UUID, List<String>> ackedTitles = new ConcurrentHashMap<>();
        private final Map<UUID, Set<String>> maybeTitles = new ConcurrentHashMap<>();
        private final Map<UUID, UUID> ackedAssignments = new ConcurrentHashMap<>();
        private final List<UUID> agents = new ArrayList<>();
        private final HybridDB db;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger seq = new AtomicInteger();
        private Thread thread;

        Writer(HybridDB db, String name) {
            this.db = db;
            this.name = name;
            this.tenant = db.createTenant(TenantFields.of("Failover " + name, "failover-" + name + "-" + UUID.randomUUID())).id();
            for (int i = 0; i < 2; i++) {
                int n = i;
                agents.add(db.withTenant(tenant, s -> s.agents().create(
                        AgentFields.of(name + "-agent-" + n, AgentRole.WORKER, "m", List.of("java"))).id()));
            }
        }

        void start() {
            thread = new Thread(this::loop, "failover-writer-" + name);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        private void loop() {
            List<UUID> tasks = new ArrayList<>();
            while (running.get()) {
                int n = seq.incrementAndGet();
                String title = name + " task " + n;
                try {
                    if (n % 3 == 0 && !tasks.isEmpty()) {
                        UUID task = tasks.get(n % tasks.size());
                        maybeTitles.computeIfAbsent(task, k -> ConcurrentHashMap.newKeySet()).add(title);
                        db.withTenant(tenant, s -> s.tasks().update(task, TaskFields.none().withTitle(title)));
                        ackedTitles.computeIfAbsent(task, k -> new CopyOnWriteArrayList<>()).add(title);
                    } else if (n % 5 == 0 && !tasks.isEmpty()) {
                        UUID task = tasks.get(n % tasks.size());
                        UUID agent = agents.get(n % agents.size());
                        db.withTenant(tenant, s -> s.tasks().assign(task, agent));
                        ackedAssignments.put(task, agent);
                    } else {
                        Task t = db.withTenant(tenant, s -> s.tasks().create(TaskFields.of(title, List.of("java"))));
                        tasks.add(t.id());
                        ackedTitles.computeIfAbsent(t.id(), k -> new CopyOnWriteArrayList<>()).add(title);
                    }
                    acknowledged.incrementAndGet();
                    long now = System.nanoTime();
                    lastAckAt.set(now);
                    ackTimes.add(now);
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    errors.add(e);
                    sleep(100);
                }
                sleep(20);
            }
        }

        /**
         * Every acknowledged task is there, with its last acknowledged title or a later one whose
         * commit was not acknowledged (uncertain); so is its acknowledged assignment, unless an
         * uncertain assignment came after it.
         */
        void assertAcknowledgedCommitsKept(HybridDB db) {
            db.useTenant(tenant, s -> {
                for (Map.Entry<UUID, List<String>> e : ackedTitles.entrySet()) {
                    Task t = s.tasks().findById(e.getKey()).orElse(null);
                    assertThat(t).as("acknowledged task %s of writer %s", e.getKey(), name).isNotNull();
                    List<String> acked = e.getValue();
                    String last = acked.get(acked.size() - 1);
                    Set<String> allowed = new java.util.HashSet<>(Set.of(last));
                    allowed.addAll(laterThan(maybeTitles.getOrDefault(e.getKey(), Set.of()), last));
                    assertThat(allowed).as("title of task %s (acknowledged: %s)", e.getKey(), acked).contains(t.title());
                }
                for (Map.Entry<UUID, UUID> e : ackedAssignments.entrySet()) {
                    assertThat(agents).contains(s.tasks().get(e.getKey()).assignedAgentId());
                }
            });
        }

        /** The titles numbered after {@code title} ("wN task K": K grows). */
        private static List<String> laterThan(Set<String> titles, String title) {
            int k = number(title);
            return titles.stream().filter(t -> number(t) > k).toList();
        }

        private static int number(String title) {
            return Integer.parseInt(title.substring(title.lastIndexOf(' ') + 1));
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
