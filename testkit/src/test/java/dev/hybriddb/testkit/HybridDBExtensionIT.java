package dev.hybriddb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.HybridDB;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.testing.PostgresService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The extension on the real services: what a test receives and how it is isolated. */
@HybridDBTest
class HybridDBExtensionIT {
    static HybridDB shared;          // static fields are filled before @BeforeAll methods
    static long tenantsBeforeAll;
    HybridDB db;                     // instance fields when the test instance is made

    @BeforeAll
    static void staticFieldIsReadyInBeforeAll(PostgresService postgres) throws SQLException {
        assertThat(shared).isNotNull();
        tenantsBeforeAll = tenantsIn(postgres).size();
    }

    @Test
    void createsATaskForAFreshTenant(@TenantId UUID tenant) {
        db.useTenant(tenant, scope -> scope.tasks().create(TaskFields.of("Write the parser", List.of("java"))));

        long tasks = db.withTenant(tenant, scope -> scope.tasks().count());
        assertThat(tasks).isEqualTo(1);
    }

    @Test
    void fieldAndParameterAreTheSameMigratedInstance(HybridDB parameter, PostgresService postgres) {
        assertThat(parameter).isSameAs(db).isSameAs(shared);
        assertThat(tenantsBeforeAll).as("a fresh database").isZero();
        assertThat(db.migrationStatus().pending()).isEmpty();
        assertThat(postgres.database()).startsWith("hybriddb_test_");
        assertThat(db.config().jdbcUrl()).endsWith("/" + postgres.database());
        assertThat(db.config().user()).as("the HybridDB runs as the application role").isEqualTo(postgres.appUser());
    }

    @Test
    void eachTenantIdParameterIsANewTenant(@TenantId UUID first, @TenantId UUID second, PostgresService postgres)
            throws SQLException {
        assertThat(first).isNotEqualTo(second);
        db.useTenant(first, scope -> scope.tasks().create(TaskFields.of("Only in the first", List.of())));
        long seenBySecond = db.withTenant(second, scope -> scope.tasks().count());
        assertThat(seenBySecond).as("row security between the two").isZero();
        assertThat(tenantsIn(postgres)).contains(first, second);
    }

    @Test
    void graphNamesCarryThePrefixOfThisClass(@TenantId UUID tenant) {
        String graph = db.layout().graphOf(tenant);
        assertThat(graph).matches("k[0-9a-f]{10}_t_[0-9a-f]{32}");
        db.graph().orElseThrow().ensureGraph(graph);
        db.graph().orElseThrow().execute(graph, "CREATE (:Probe {id: $id})", Map.of("id", "p1"));
        assertThat(db.graph().orElseThrow().query(graph, "MATCH (p:Probe) RETURN count(p) AS n", Map.of())
                .get(0).getLong("n")).isEqualTo(1);
    }

    /** A nested class shares its enclosing class's database. */
    @Nested
    class Inner {
        @Test
        void seesTheEnclosingClassesDatabase(HybridDB inner, PostgresService postgres, @TenantId UUID tenant) {
            assertThat(inner).isSameAs(db);
            inner.useTenant(tenant, s -> s.agents().create(AgentFields.of("Ada", AgentRole.CODER, "m", List.of())));
            long agents = inner.withTenant(tenant, s -> s.agents().count());
            assertThat(agents).isEqualTo(1);
        }
    }

    /** Every tenant row of the database, read as the superuser (row security hides them from the owner role too). */
    static List<UUID> tenantsIn(PostgresService postgres) throws SQLException {
        String superUser = System.getenv("HYBRIDDB_SUPERUSER");
        assertThat(superUser).as("HYBRIDDB_SUPERUSER (scripts/services env sets it)").isNotBlank();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), superUser,
                        System.getenv().getOrDefault("HYBRIDDB_SUPERUSER_PASSWORD", ""));
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM tenants")) {
            List<UUID> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        }
    }
}
