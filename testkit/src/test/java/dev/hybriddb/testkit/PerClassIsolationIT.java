package dev.hybriddb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.falkordb.Driver;
import com.falkordb.FalkorDB;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Two test classes using the extension, run one after the other through the JUnit launcher: each
 * has its own database and graphs, neither sees the other's tenants or graphs, and after each class
 * its database and graphs are gone.
 */
class PerClassIsolationIT {
    /** What each sample class saw while it ran. */
    record Seen(String database, String graphPrefix, UUID tenant, String graph, List<UUID> tenantsInDatabase,
            List<String> falkorGraphs) {}

    static final Map<Class<?>, Seen> SEEN = new ConcurrentHashMap<>();

    @Test
    void twoClassesHaveTheirOwnDatabasesAndGraphsAndLeaveNothingBehind() throws Exception {
        run(FirstClass.class);
        Seen first = SEEN.get(FirstClass.class);
        assertGone(first);

        run(SecondClass.class);
        Seen second = SEEN.get(SecondClass.class);
        assertGone(second);

        assertThat(second.database()).isNotEqualTo(first.database());
        assertThat(second.graphPrefix()).isNotEqualTo(first.graphPrefix());
        assertThat(second.tenantsInDatabase()).containsExactly(second.tenant()).doesNotContain(first.tenant());
        assertThat(first.falkorGraphs()).contains(first.graph()).doesNotContain(second.graph());
        assertThat(second.falkorGraphs()).contains(second.graph()).doesNotContain(first.graph());
    }

    @Test
    void anApacheAgeClassKeepsItsGraphsInItsOwnDatabase() throws Exception {
        run(AgeClass.class);
        Seen age = SEEN.get(AgeClass.class);
        assertThat(age.graph()).startsWith(age.graphPrefix());
        assertThat(databaseExists(age.database())).isFalse();
    }

    @Test
    void aSyncWithoutAGraphFailsTheClassAndSaysWhy() {
        TestExecutionSummary summary = execute(SyncWithoutGraph.class);
        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("needs a graph backend");
    }

    @Test
    void tenantIdOnAnythingButAUuidIsRefused() {
        TestExecutionSummary summary = execute(TenantIdOnAString.class);
        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException())
                .hasMessageContaining("@TenantId goes on a UUID parameter, not on String");
    }

    @Test
    void aPerClassLifecycleGetsItsFieldsAndParametersToo() {
        run(PerClassLifecycle.class);
    }

    private static void run(Class<?> sample) {
        TestExecutionSummary summary = execute(sample);
        summary.getFailures().forEach(f -> f.getException().printStackTrace());
        assertThat(summary.getTestsSucceededCount()).as(sample.getSimpleName() + " passed").isEqualTo(1);
        assertThat(summary.getTotalFailureCount()).isZero();
    }

    private static TestExecutionSummary execute(Class<?> sample) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample)).build(), listener);
        return listener.getSummary();
    }

    private static void assertGone(Seen seen) throws SQLException, IOException {
        assertThat(databaseExists(seen.database())).as("database " + seen.database() + " dropped").isFalse();
        assertThat(falkorGraphs()).as("graphs of the class deleted").noneMatch(g -> g.startsWith(seen.graphPrefix()));
    }

    static boolean databaseExists(String name) throws SQLException {
        try (Connection c = TestServices.postgres().openAdmin();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static List<String> falkorGraphs() throws IOException {
        FalkorService falkor = TestServices.falkor();
        try (Driver driver = FalkorDB.driver(falkor.host(), falkor.port())) {
            return driver.listGraphs();
        }
    }

    /** Writes a tenant's data and its graph, and records what it sees. */
    static void sample(Class<?> type, HybridDB db, PostgresService postgres, UUID tenant) throws Exception {
        db.useTenant(tenant, s -> s.agents().create(AgentFields.of("Ada", AgentRole.CODER, "m", List.of("java"))));
        db.useTenant(tenant, s -> s.tasks().create(TaskFields.of("Parse", List.of("java"))));
        if (db.sync().mode() == SyncMode.MANUAL) {
            db.sync().syncWorkspace(tenant);
        } else {
            assertThat(db.sync().awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        }
        String graph = db.layout().graphOf(tenant);
        assertThat(db.graph().orElseThrow().query(graph, "MATCH (t:Task) RETURN count(t) AS n", Map.of())
                .get(0).getLong("n")).isEqualTo(1);
        String prefix = graph.substring(0, graph.indexOf("_t_") + 1);
        SEEN.put(type, new Seen(postgres.database(), prefix, tenant, graph, HybridDBExtensionIT.tenantsIn(postgres),
                falkorGraphs()));
    }

    @HybridDBTest(sync = HybridDBTest.Sync.MANUAL)
    static class FirstClass {
        @Test
        void writes(HybridDB db, PostgresService postgres, @TenantId UUID tenant) throws Exception {
            sample(FirstClass.class, db, postgres, tenant);
        }
    }

    @HybridDBTest(sync = HybridDBTest.Sync.REALTIME)
    static class SecondClass {
        @Test
        void writes(HybridDB db, PostgresService postgres, @TenantId UUID tenant) throws Exception {
            sample(SecondClass.class, db, postgres, tenant);
        }
    }

    @HybridDBTest(graph = HybridDBTest.Graph.AGE, sync = HybridDBTest.Sync.MANUAL)
    static class AgeClass {
        @Test
        void writes(HybridDB db, PostgresService postgres, @TenantId UUID tenant) throws Exception {
            sample(AgeClass.class, db, postgres, tenant);
        }
    }

    @HybridDBTest(graph = HybridDBTest.Graph.NONE, sync = HybridDBTest.Sync.REALTIME)
    static class SyncWithoutGraph {
        @Test
        void neverRuns(HybridDB db) {
            throw new AssertionError("the class should have failed before its test");
        }
    }

    @HybridDBTest(graph = HybridDBTest.Graph.NONE)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassLifecycle {
        HybridDB db;
        UUID tenantOfTheClass;

        @BeforeAll
        void oneTenantForTheClass(@TenantId UUID tenant, HybridDB parameter) {
            assertThat(db).isSameAs(parameter);
            tenantOfTheClass = tenant;
        }

        @Test
        void usesIt() {
            db.useTenant(tenantOfTheClass, s -> s.tasks().create(TaskFields.of("Per class", List.of())));
            long tasks = db.withTenant(tenantOfTheClass, s -> s.tasks().count());
            assertThat(tasks).isEqualTo(1);
            assertThat(db.graph()).isEmpty();
        }
    }

    @HybridDBTest(graph = HybridDBTest.Graph.NONE)
    static class TenantIdOnAString {
        @Test
        void neverRuns(@TenantId String tenant) {
            throw new AssertionError("the parameter should have been refused");
        }
    }
}
