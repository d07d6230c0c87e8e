package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.GraphLayout;
import dev.hybriddb.graph.GraphSync;
import dev.hybriddb.graph.ReconcileResult;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.graph.SyncStatus;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sync behind the facade: modes, layout shared with the coordinator, error listener, lifecycle. */
class HybridDBSyncFacadeIT {
    private static SyncTestDb pg;
    private static FalkorService falkor;

    @BeforeAll
    static void setUp() {
        pg = SyncTestDb.create("facade");
        falkor = TestServices.falkor();
    }

    @AfterAll
    static void tearDown() {
        if (pg != null) {
            pg.close();
        }
    }

    private static HybridConfig config() {
        return HybridConfig.builder().url(pg.pg.jdbcUrl()).user(pg.pg.appUser()).password(pg.pg.appPassword())
                .migrationUser(pg.pg.adminUser()).migrationPassword(pg.pg.adminPassword())
                .minPoolSize(0).maxPoolSize(4).build();
    }

    private static HybridDB.Builder builder() {
        return HybridDB.builder().config(config()).graph(FalkorGraph.connect(falkor.host(), falkor.port()));
    }

    private static UUID workspace(HybridDB db, String name) {
        UUID tenant = db.createTenant(TenantFields.of(name, name.toLowerCase() + "-" + UUID.randomUUID())).id();
        db.useTenant(tenant, s -> {
            Agent ada = s.agents().create(AgentFields.of("Ada", AgentRole.CODER, "m", List.of("java")));
            s.tasks().create(TaskFields.of("Write the parser", List.of("java")));
            s.tasks().assign(s.tasks().create(TaskFields.of("Review", List.of("java"))).id(), ada.id());
        });
        return tenant;
    }

    private static long graphCount(HybridDB db, UUID tenant, String cypher) {
        return db.graph().orElseThrow().query(db.sync().graphOf(tenant), cypher, Map.of()).get(0).getLong("n");
    }

    @Test
    void realtimeModeProjectsRepositoryWritesAndStopsOnClose() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        UUID tenant;
        GraphSync sync;
        try (HybridDB db = builder().sync(SyncMode.REALTIME).syncErrorListener((stage, e) -> errors.add(stage)).build()) {
            sync = db.sync();
            assertThat(sync.mode()).isEqualTo(SyncMode.REALTIME);
            assertThat(sync.status().running()).isTrue();
            tenant = workspace(db, "Realtime");
            assertThat(sync.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            assertThat(graphCount(db, tenant, "MATCH (t:Task) RETURN count(t) AS n")).isEqualTo(2);
            assertThat(graphCount(db, tenant, "MATCH (:Agent)-[e:ASSIGNED_TO]->(:Task) RETURN count(e) AS n")).isEqualTo(1);
            assertThat(sync.reconcile(tenant).wasClean()).isTrue();
            SyncStatus status = sync.status();
            assertThat(status.applied()).isGreaterThan(0);
            assertThat(status.backlog()).isZero();
        }
        assertThat(sync.status().running()).as("close() stops the consumer").isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void manualModeCapturesNothingAndLeavingItRebuildsTheGraphs() throws Exception {
        UUID tenant;
        try (HybridDB db = builder().sync(SyncMode.MANUAL).build()) {
            long before = pg.outboxCount();
            tenant = workspace(db, "Manual");
            assertThat(pg.outboxCount()).as("no outbox rows in manual mode").isEqualTo(before);
            db.sync().syncWorkspace(tenant);
            assertThat(graphCount(db, tenant, "MATCH (t:Task) RETURN count(t) AS n")).isEqualTo(2);
            db.useTenant(tenant, s -> s.tasks().create(TaskFields.of("Written in manual mode", List.of())));
            ReconcileResult drift = db.sync().reconcile(tenant);
            assertThat(drift.wasClean()).isFalse();
            assertThat(drift.byKind()).containsKey("Task");
        }
        try (HybridDB db = builder().sync(SyncMode.REALTIME).build()) {
            assertThat(db.sync().awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            assertThat(graphCount(db, tenant, "MATCH (t:Task) RETURN count(t) AS n"))
                    .as("leaving manual mode rebuilt the registered graphs").isEqualTo(3);
            assertThat(db.sync().reconcile(tenant).wasClean()).isTrue();
        }
    }

    @Test
    void theLayoutIsSharedBySyncAndCoordinator() {
        GraphLayout layout = GraphLayout.builder().graphNames(t -> "custom_" + t.toString().replace("-", "")).chunkSize(7).build();
        try (HybridDB db = builder().layout(layout).build()) {
            UUID tenant = workspace(db, "Layout");
            assertThat(db.sync().graphOf(tenant)).startsWith("custom_");
            db.sync().syncWorkspace(tenant);
            assertThat(db.graph().orElseThrow().graphExists("custom_" + tenant.toString().replace("-", ""))).isTrue();
            Task open = db.withTenant(tenant, s -> s.tasks().list(dev.hybriddb.model.Page.first(10)).stream()
                    .filter(t -> t.assignedAgentId() == null).findFirst().orElseThrow());
            assertThat(db.coordinator().findOptimalAgentForTask(tenant, open.id())).isPresent();
            assertThat(db.coordinator().mode()).hasToString("GRAPH");
        }
    }

    @Test
    void errorsOfTheBackgroundSyncReachTheListener() {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        int closedPort = 1;
        try (HybridDB db = HybridDB.builder().config(config()).graph(FalkorGraph.connect("127.0.0.1", closedPort))
                .sync(SyncMode.REALTIME).syncErrorListener((stage, e) -> errors.add(e)).build()) {
            workspace(db, "Unreachable");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (errors.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(errors).isNotEmpty();
            assertThat(db.sync().status().errors()).isPositive();
            assertThat(db.sync().status().backlog()).as("the changes wait in the outbox").isPositive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void syncNeedsAGraph() {
        try (HybridDB db = HybridDB.builder().config(config()).build()) {
            assertThatThrownBy(db::sync).isInstanceOf(ConfigurationException.class).hasMessageContaining("graph backend");
        }
        assertThatThrownBy(() -> HybridDB.builder().config(config()).sync(SyncMode.REALTIME).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("graph backend");
    }

    @Test
    void checkedExceptionsOfTenantWorkPassThroughAndRollBack() {
        try (HybridDB db = builder().build()) {
            UUID tenant = workspace(db, "Checked");
            assertThatThrownBy(() -> db.useTenant(tenant, s -> {
                s.tasks().create(TaskFields.of("Never committed", List.of()));
                throw new IOException("disk full");
            })).isInstanceOf(IOException.class).hasMessage("disk full");
            long tasks = db.withTenant(tenant, s -> s.tasks().list(dev.hybriddb.model.Page.first(100)).size());
            assertThat(tasks).isEqualTo(2);
        }
    }
}
