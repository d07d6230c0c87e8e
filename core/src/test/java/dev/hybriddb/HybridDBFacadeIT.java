package dev.hybriddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphHealth;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.schema.MigrationException;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facade without the sync module on the classpath, and with the application's own DataSource. */
class HybridDBFacadeIT {
    private static PostgresService pg;

    @BeforeAll
    static void setUp() {
        pg = TestServices.freshDatabase("core_facade");
        try (HybridDB db = HybridDB.builder().config(config()).build()) {
            db.migrate();
        }
    }

    @AfterAll
    static void tearDown() {
        if (pg != null) {
            TestServices.dropDatabase(pg);
        }
    }

    private static HybridConfig config() {
        return HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                .migrationUser(pg.adminUser()).migrationPassword(pg.adminPassword()).minPoolSize(0).maxPoolSize(2).build();
    }

    private static HikariDataSource pool(String user, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(pg.jdbcUrl());
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(2);
        return new HikariDataSource(hc);
    }

    @Test
    void withoutTheSyncModuleSyncNamesTheMissingArtifact() {
        try (HybridDB db = HybridDB.builder().config(config()).graph(new NoGraph()).build()) {
            assertThatThrownBy(db::sync).isInstanceOf(ConfigurationException.class).hasMessageContaining("dev.hybriddb:hybriddb-sync");
        }
        assertThatThrownBy(() -> HybridDB.builder().config(config()).graph(new NoGraph()).sync(SyncMode.REALTIME).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("dev.hybriddb:hybriddb-sync");
        try (HybridDB db = HybridDB.builder().config(config()).build()) {
            assertThatThrownBy(() -> db.service(Runnable.class)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("java.lang.Runnable");
        }
    }

    @Test
    void theApplicationsOwnDataSourceIsUsedAndLeftOpen() {
        try (HikariDataSource app = pool(pg.appUser(), pg.appPassword())) {
            UUID tenant;
            try (HybridDB db = HybridDB.builder().config(config()).dataSource(app).build()) {
                tenant = db.createTenant(TenantFields.of("Own pool", "own-pool-" + UUID.randomUUID())).id();
                db.useTenant(tenant, s -> s.tasks().create(TaskFields.of("via the app's pool", List.of())));
                assertThat(db.database().dataSource()).isSameAs(app);
            }
            assertThat(app.isClosed()).as("close() leaves the application's DataSource open").isFalse();
            try (HybridDB again = HybridDB.builder().config(config()).dataSource(app).build()) {
                long tasks = again.withTenant(tenant, s -> s.tasks().count());
                assertThat(tasks).isEqualTo(1);
            }
        }
    }

    @Test
    void anOwnerDataSourceGetsTheSameRoleCheck() {
        try (HikariDataSource owner = pool(pg.adminUser(), pg.adminPassword())) {
            assertThatThrownBy(() -> HybridDB.builder().config(config()).dataSource(owner).build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("owns");
            assertThat(owner.isClosed()).isFalse();
        }
    }

    @Test
    void poolLifetimeSettingsReachTheBuiltInPool() {
        HybridConfig cfg = config().toBuilder().leakDetectionThreshold(java.time.Duration.ofSeconds(3))
                .maxLifetime(java.time.Duration.ofMinutes(5)).keepaliveTime(java.time.Duration.ofMinutes(1)).build();
        try (HybridDB db = HybridDB.builder().config(cfg).build()) {
            HikariDataSource pool = (HikariDataSource) db.database().dataSource();
            assertThat(pool.getLeakDetectionThreshold()).isEqualTo(3000);
            assertThat(pool.getMaxLifetime()).isEqualTo(300_000);
            assertThat(pool.getKeepaliveTime()).isEqualTo(60_000);
        }
    }

    @Test
    void migrationFailuresArePartOfTheSdkHierarchy() {
        assertThat(new MigrationException("x")).isInstanceOf(HybridDBException.class);
    }

    /** A graph backend that is never reached: only its presence matters to these tests. */
    private static final class NoGraph implements GraphBackend {
        public String name() { return "none"; }
        public void ensureGraph(String graph) { throw new UnsupportedOperationException(); }
        public void dropGraph(String graph) { throw new UnsupportedOperationException(); }
        public boolean graphExists(String graph) { return false; }
        public void createIndex(String graph, String label, String property) { throw new UnsupportedOperationException(); }
        public int upsertNodes(String graph, String label, List<NodeRecord> nodes) { throw new UnsupportedOperationException(); }
        public int upsertEdges(String graph, EdgeType type, List<EdgeRecord> edges) { throw new UnsupportedOperationException(); }
        public int deleteNodes(String graph, String label, Collection<String> ids) { throw new UnsupportedOperationException(); }
        public int deleteEdges(String graph, EdgeType type, List<EdgeRecord> edges) { throw new UnsupportedOperationException(); }
        public List<GraphRow> query(String graph, String cypher, Map<String, ?> params) { throw new UnsupportedOperationException(); }
        public List<GraphRow> execute(String graph, String cypher, Map<String, ?> params) { throw new UnsupportedOperationException(); }
        public GraphHealth health() { throw new UnsupportedOperationException(); }
        public void close() { }
    }
}
