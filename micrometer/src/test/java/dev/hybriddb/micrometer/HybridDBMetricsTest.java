package dev.hybriddb.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The meters of a real HybridDB (PostgreSQL, FalkorDB, real-time sync) exist and follow its work. */
class HybridDBMetricsTest {
    private static PostgresService pg;
    private static FalkorService falkor;

    @BeforeAll
    static void setUp() {
        pg = TestServices.freshDatabase("metrics");
        Migrations.using(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()).withAppRole(pg.appUser()).update();
        falkor = TestServices.falkor();
    }

    @AfterAll
    static void tearDown() {
        if (pg != null) {
            TestServices.dropDatabase(pg);
        }
    }

    private static HybridDB.Builder builder() {
        HybridConfig cfg = HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                .migrationUser(pg.adminUser()).migrationPassword(pg.adminPassword())
                .minPoolSize(0).maxPoolSize(4).poolName("metrics-test").build();
        return HybridDB.builder().config(cfg).graph(FalkorGraph.connect(falkor.host(), falkor.port()));
    }

    @Test
    void metersExistAndMoveWithRepositoryWritesAndQueries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // tag::bind[]
        HybridDB db = builder().sync(SyncMode.REALTIME)
                .poolCustomizer(HybridDBMetrics.poolMetrics(registry))     // hikaricp.* from the first connection
                .build();
        HybridDBMetrics metrics = new HybridDBMetrics(db, Tags.of("db", "main"), Duration.ZERO);  // no cache here
        metrics.bindTo(registry);
        // end::bind[]
        try (db; metrics) {
            assertThat(registry.get("hybriddb.sync.backlog").tag("db", "main").gauge()).isNotNull();
            assertThat(names(registry)).contains("hybriddb.sync.applied", "hybriddb.sync.errors",
                    "hybriddb.sync.graph.restarts", "hybriddb.sync.backlog", "hybriddb.sync.outbox.oldest.age",
                    "hybriddb.sync.lag", "hybriddb.sync.lag.max", "hybriddb.sync.running",
                    "hybriddb.capture.retained.wal", "hybriddb.coordination.fallback",
                    "hikaricp.connections", "hikaricp.connections.active", "hikaricp.connections.acquire");
            assertThat(registry.get("hikaricp.connections").tag("pool", "metrics-test").gauge()).isNotNull();
            assertThat(registry.get("hybriddb.sync.applied").tag("mode", "realtime").functionCounter().count()).isZero();
            assertThat(registry.get("hybriddb.sync.running").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("hybriddb.capture.retained.wal").gauge().value()).as("no slot in trigger mode").isNaN();

            UUID tenant = db.createTenant(TenantFields.of("Metrics", "metrics-" + UUID.randomUUID())).id();
            Task task = db.withTenant(tenant, s -> {
                s.agents().create(AgentFields.of("Ada", AgentRole.CODER, "m", List.of("java")));
                return s.tasks().create(TaskFields.of("Parse", List.of("java")));
            });
            assertThat(db.sync().awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

            assertThat(registry.get("hybriddb.sync.applied").functionCounter().count()).isGreaterThan(0);
            assertThat(registry.get("hybriddb.sync.backlog").gauge().value()).isZero();
            assertThat(registry.get("hybriddb.sync.outbox.oldest.age").timeGauge().value(TimeUnit.SECONDS)).isZero();
            assertThat(registry.get("hybriddb.sync.errors").functionCounter().count()).isZero();
            assertThat(registry.get("hikaricp.connections.acquire").timer().count()).isGreaterThan(0);

            assertThat(db.coordinator().rankAgentsForTask(tenant, task.id())).hasSize(1);
            assertThatThrownBy(() -> db.coordinator().rankAgentsForTask(tenant, UUID.randomUUID()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> db.coordinator().rankAgentsForTask(tenant, null))
                    .as("a missing id is refused").isInstanceOf(dev.hybriddb.InvalidInputException.class);
            assertThat(registry.get("hybriddb.coordination.queries").tag("query", "rankAgentsForTask")
                    .tag("source", "graph").tag("outcome", "success").timer().count()).isEqualTo(1);
            long errors = registry.find("hybriddb.coordination.queries").tag("outcome", "error").timers().stream()
                    .mapToLong(t -> t.count()).sum();
            assertThat(errors).isEqualTo(2);
            assertThat(registry.get("hybriddb.coordination.fallback").gauge().value()).isZero();
            assertThat(registry.getMeters()).allSatisfy(m ->
                    assertThat(m.getId().getTags()).noneMatch(t -> t.getKey().contains("tenant")));

            metrics.close();
            db.coordinator().rankAgentsForTask(tenant, task.id());
            assertThat(registry.get("hybriddb.coordination.queries").tag("query", "rankAgentsForTask")
                    .tag("outcome", "success").timer().count()).as("close() detaches the listener").isEqualTo(1);
        }
    }

    @Test
    void walCaptureMetersCountCapturedRowsAndTheRetainedWal() {
        PostgresService walDb = TestServices.freshDatabase("metricswal");
        try {
            Migrations.using(walDb.jdbcUrl(), walDb.adminUser(), walDb.adminPassword()).withAppRole(walDb.appUser()).update();
            HybridConfig cfg = HybridConfig.builder().url(walDb.jdbcUrl()).user(walDb.appUser()).password(walDb.appPassword())
                    .migrationUser(walDb.adminUser()).migrationPassword(walDb.adminPassword())
                    .minPoolSize(0).maxPoolSize(3).build();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (HybridDB db = HybridDB.builder().config(cfg).graph(FalkorGraph.connect(falkor.host(), falkor.port()))
                    .sync(SyncMode.WAL_CAPTURE).build();
                 HybridDBMetrics metrics = new HybridDBMetrics(db, List.of(), Duration.ZERO)) {
                metrics.bindTo(registry);
                assertThat(registry.get("hybriddb.capture.rows").functionCounter().count()).isZero();
                UUID tenant = db.createTenant(TenantFields.of("Wal", "wal-" + UUID.randomUUID())).id();
                db.useTenant(tenant, s -> s.tasks().create(TaskFields.of("Captured", List.of())));
                assertThat(db.sync().awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
                assertThat(registry.get("hybriddb.capture.rows").functionCounter().count()).isGreaterThan(0);
                assertThat(registry.get("hybriddb.capture.transactions").functionCounter().count()).isGreaterThan(0);
                assertThat(registry.get("hybriddb.capture.errors").functionCounter().count()).isZero();
                assertThat(registry.get("hybriddb.capture.retained.wal").gauge().value()).isNotNaN().isGreaterThanOrEqualTo(0);
                assertThat(registry.get("hybriddb.sync.applied").tag("mode", "wal_capture").functionCounter().count())
                        .isGreaterThan(0);
            }
        } finally {
            TestServices.dropDatabase(walDb);
        }
    }

    @Test
    void withoutGraphOnlyPoolAndCoordinationMetersAndBindToSetsTheTrackerOnAnOpenPool() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HybridConfig cfg = HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                .minPoolSize(0).maxPoolSize(2).poolName("metrics-nograph").build();
        try (HybridDB db = HybridDB.builder().config(cfg).build()) {
            new HybridDBMetrics(db).bindTo(registry);
            assertThat(names(registry)).noneMatch(n -> n.startsWith("hybriddb.sync") || n.startsWith("hybriddb.capture"));
            assertThat(names(registry)).contains("hybriddb.coordination.fallback", "hikaricp.connections");
            assertThat(registry.get("hikaricp.connections").tag("pool", "metrics-nograph").gauge()).isNotNull();
        }
    }

    @Test
    void aNegativeCacheIntervalIsRefused() {
        HybridConfig cfg = HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                .minPoolSize(0).maxPoolSize(1).build();
        try (HybridDB db = HybridDB.builder().config(cfg).build()) {
            assertThatThrownBy(() -> new HybridDBMetrics(db, List.of(), Duration.ofSeconds(-1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("cacheFor");
        }
    }

    private static List<String> names(SimpleMeterRegistry registry) {
        return registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct().toList();
    }
}
