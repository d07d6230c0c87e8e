package dev.hybriddb.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.TenantScope;
import dev.hybriddb.coordination.CoordinationMode;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenant isolation of the graph, as a hostile tenant tries it: work given a tenant's transaction
 * (and work on {@code db.database()}) runs arbitrary SQL as the application role against another
 * tenant's graph, and must not list, read or write it; afterwards the SDK's own graph reads and
 * coordination for both tenants still work and see unchanged data. A backend module runs it
 * through a subclass that opens the backend the way an application should configure it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TenantGraphIsolationContract {
    protected PostgresService pg;
    protected HybridDB db;
    protected UUID tenantA;
    protected UUID tenantB;
    private final Map<UUID, String> taskOf = new LinkedHashMap<>();

    /** The backend, opened as the SDK should use it (for AGE: as the role that owns the graphs). */
    protected abstract GraphBackend openGraph(PostgresService pg);

    /** True when the graphs live in this PostgreSQL (AGE): every attack must then be refused by a privilege check. */
    protected abstract boolean graphsInPostgres();

    @BeforeAll
    void setUp() {
        pg = TestServices.freshDatabase("graph_isolation");
        Migrations.using(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()).withAppRole(pg.appUser()).update();
        HybridConfig config = HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                .migrationUser(pg.adminUser()).migrationPassword(pg.adminPassword()).maxPoolSize(2).build();
        db = HybridDB.builder().config(config).graph(openGraph(pg)).build();
        tenantA = tenantWithTask("A");
        tenantB = tenantWithTask("B");
    }

    /** A tenant, one task in PostgreSQL and its node in the tenant's graph, written by the SDK. */
    private UUID tenantWithTask(String name) {
        UUID tenant = db.createTenant(TenantFields.of("Tenant " + name, "iso-" + name.toLowerCase() + "-" + UUID.randomUUID())).id();
        UUID task = db.withTenant(tenant, s -> s.tasks().create(TaskFields.of("secret of " + name, List.of("java"))).id());
        GraphBackend graph = db.graph().orElseThrow();
        graph.upsertNodes(GraphNames.forTenant(tenant), "Task", List.of(NodeRecord.of(task.toString(),
                Map.of("title", "secret of " + name, "status", "pending"))));
        taskOf.put(tenant, task.toString());
        return tenant;
    }

    @AfterAll
    void tearDown() {
        if (db != null) {
            taskOf.keySet().forEach(t -> db.graph().orElseThrow().dropGraph(GraphNames.forTenant(t)));
            db.close();
        }
        if (pg != null) {
            TestServices.dropDatabase(pg);
        }
    }

    /** SQL a hostile tenant (owning {@code own}) runs against {@code victim}'s graph and the graph catalog. */
    protected List<String> attacks(String own, String victim) {
        String cypher = "SELECT * FROM ag_catalog.cypher('" + victim + "', $$ %s $$) AS (n ag_catalog.agtype)";
        return List.of(
                "SELECT name::text FROM ag_catalog.ag_graph",
                "SELECT name::text FROM ag_catalog.ag_label",
                "SELECT properties::text FROM \"" + victim + "\".\"Task\"",
                "SELECT properties::text FROM \"" + victim + "\"._ag_label_vertex",
                "UPDATE \"" + victim + "\".\"Task\" SET properties = properties",
                "DELETE FROM \"" + victim + "\".\"Task\"",
                "INSERT INTO \"" + victim + "\".\"Task\" (properties) VALUES ('{\"id\": \"planted\"}')",
                String.format(cypher, "MATCH (n) RETURN n"),
                String.format(cypher, "MATCH (n:Task) SET n.title = 'pwned' RETURN n"),
                String.format(cypher, "CREATE (n:Task {id: 'planted'}) RETURN n"),
                "SELECT ag_catalog.drop_graph('" + victim + "', true)",
                "SELECT ag_catalog.create_graph('t_" + UUID.randomUUID().toString().replace("-", "") + "')",
                "CREATE SCHEMA \"t_" + UUID.randomUUID().toString().replace("-", "") + "\"",
                "SELECT properties::text FROM \"" + own + "\".\"Task\"");
    }

    @Test
    void tenantWorkIsGivenNoGraphClient() {
        List<String> graphy = new ArrayList<>();
        for (Method m : TenantScope.class.getMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass() == TenantScope.class) {
                String type = m.getReturnType().getName();
                if (type.startsWith("dev.hybriddb.graph.") || type.startsWith("dev.hybriddb.coordination.")
                        || GraphBackend.class.isAssignableFrom(m.getReturnType())) {
                    graphy.add(m.getName() + " -> " + type);
                }
            }
        }
        assertThat(graphy).as("TenantScope methods that hand out graph access").isEmpty();
    }

    @Test
    void tenantSqlCannotListReadOrWriteAnotherTenantsGraph() {
        String own = GraphNames.forTenant(tenantA);
        String victim = GraphNames.forTenant(tenantB);
        List<String> attacks = attacks(own, victim);
        if (graphsInPostgres()) {
            boolean open = db.database().inTransaction(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT has_schema_privilege('ag_catalog', 'USAGE')")) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            });
            assertThat(open).as("the application role may use ag_catalog: this server leaves AGE's catalog open to"
                    + " PUBLIC; provision it with scripts/services (or give HYBRIDDB_SUPERUSER so that"
                    + " TestServices.freshDatabase closes it)").isFalse();
        }
        Map<String, String> inTenant = db.withTenant(tenantA, s -> {
            try {
                return run(s.connection(), attacks);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, String> inDatabase = db.database().inTransaction(c -> run(c, attacks));
        for (Map<String, String> outcomes : List.of(inTenant, inDatabase)) {
            assertThat(outcomes).as("what each attack achieved").hasSize(attacks.size());
            outcomes.forEach((sql, outcome) -> {
                assertThat(outcome).as(sql).matches("refused \\(.*\\)|0 rows");
                if (graphsInPostgres()) {
                    assertThat(outcome).as(sql).startsWith("refused (42501");
                }
            });
        }
        assertTheSdkStillServes(tenantA, "secret of A");
        assertTheSdkStillServes(tenantB, "secret of B");
    }

    /** Each statement in a savepoint of the caller's transaction: "refused (SQLSTATE message)" or "n rows". */
    private static Map<String, String> run(Connection c, List<String> attacks) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String sql : attacks) {
            Savepoint sp = c.setSavepoint();
            try (Statement st = c.createStatement()) {
                long rows = 0;
                if (st.execute(sql)) {
                    try (ResultSet rs = st.getResultSet()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                } else {
                    rows = Math.max(0, st.getUpdateCount());
                }
                out.put(sql, rows + " rows");
                c.releaseSavepoint(sp);
            } catch (SQLException e) {
                out.put(sql, "refused (" + e.getSQLState() + " " + e.getMessage() + ")");
                c.rollback(sp);
            }
        }
        return out;
    }

    private void assertTheSdkStillServes(UUID tenant, String title) {
        String task = taskOf.get(tenant);
        List<GraphRow> rows = db.graph().orElseThrow().query(GraphNames.forTenant(tenant),
                "MATCH (n:Task) RETURN n.id AS id, n.title AS title", Map.of());
        assertThat(rows).as("the tenant's graph, untouched").hasSize(1);
        assertThat(rows.get(0).getString("id")).isEqualTo(task);
        assertThat(rows.get(0).getString("title")).isEqualTo(title);
        assertThat(db.coordinator().getTaskDependencies(tenant, java.util.UUID.fromString(task)).taskId()).isEqualTo(java.util.UUID.fromString(task));
        assertThat(db.coordinator().mode()).isEqualTo(CoordinationMode.GRAPH);
    }
}
