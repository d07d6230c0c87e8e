package dev.hybriddb.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row-level security at the SQL level, as the application role. Tenant tables are discovered from
 * information_schema (every base table with a NOT NULL tenant_id column), so tables added later by
 * any changelog are covered without touching this test; and every table the application role may
 * read at all must be one of them (or tenants).
 */
class RowLevelSecurityIT {
    private static final String POLICY = "(tenant_id = hybriddb_current_tenant())";
    private static final String RLS_VIOLATION = "42501";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";   // privilege, not policy: same SQLState
    /** Tables the application role may only insert into and read (0600). */
    /** Tables the application role may insert into at most (tenant_usage: read only, its triggers count). */
    private static final Set<String> APPEND_ONLY = Set.of("audit_logs", "contributions", "tenant_usage");

    private static PostgresService db;
    private static TenantFixture a;
    private static TenantFixture b;
    private static List<String> tenantTables;

    @BeforeAll
    static void migrateAndSeed() throws SQLException {
        db = TestServices.freshDatabase("schema_rls");
        Migrations.using(db.jdbcUrl(), db.adminUser(), db.adminPassword()).withAppRole(db.appUser()).update();
        // Both tenants are written by the application role itself: it may write its own tenant's rows everywhere.
        try (Connection app = db.openApp()) {
            a = TenantFixture.create(app, "tenant-a");
            b = TenantFixture.create(app, "tenant-b");
        }
        try (Connection owner = db.openAdmin()) {
            tenantTables = strings(owner,
                "SELECT c.table_name FROM information_schema.columns c"
                        + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                        + " WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id' AND c.is_nullable = 'NO'"
                        + " AND t.table_type = 'BASE TABLE'"
                        + " ORDER BY 1");
        }
    }

    @AfterAll
    static void drop() {
        TestServices.dropDatabase(db);
    }

    @Test
    void discoversEveryTenantTableOfTheBaseline() {
        Set<String> seeded = a.ids.keySet().stream().map(k -> k.replaceAll("#\\d+$", "")).filter(t -> !t.equals("tenants"))
                .collect(Collectors.toSet());
        assertThat(tenantTables).containsAll(seeded);
        assertThat(tenantTables).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void everyTableTheApplicationRoleCanTouchIsTenantScoped() throws SQLException {
        try (Connection c = db.openAdmin()) {
            String app = db.appUser();
            List<String> reachable = strings(c, "SELECT c.relname FROM pg_class c"
                    + " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')"
                    + " AND has_table_privilege('" + app + "', c.oid, 'SELECT, INSERT, UPDATE, DELETE')");
            assertThat(reachable).contains("tenants").allSatisfy(
                    t -> assertThat(t.equals("tenants") || tenantTables.contains(t)).as("%s is reachable by the app role", t).isTrue());
        }
    }

    @Test
    void everyTenantTableForcesRowLevelSecurityWithOnlyTheTenantPolicy() throws SQLException {
        SoftAssertions soft = new SoftAssertions();
        try (Connection c = db.openAdmin()) {
            for (String table : tenantTables) {
                List<String> flags = strings(c, "SELECT relrowsecurity || ',' || relforcerowsecurity FROM pg_class"
                        + " WHERE oid = to_regclass('" + table + "')");
                soft.assertThat(flags).as("%s: RLS enabled and forced", table).containsExactly("true,true");
                List<String> policies = strings(c, "SELECT permissive || '|' || cmd || '|' || array_to_string(roles, ',') || '|'"
                        + " || coalesce(qual, '') || '|' || coalesce(with_check, '') FROM pg_policies"
                        + " WHERE schemaname = current_schema() AND tablename = '" + table + "'");
                soft.assertThat(policies).as("%s: exactly the tenant policy", table)
                        .containsExactly("PERMISSIVE|ALL|public|" + POLICY + "|" + POLICY);
            }
        }
        soft.assertAll();
    }

    @Test
    void tenantANeitherReadsNorWritesTenantBRowsInAnyTenantTable() throws SQLException {
        SoftAssertions soft = new SoftAssertions();
        try (Connection app = db.openApp()) {
            app.setAutoCommit(false);
            for (String table : tenantTables) {
                TenantFixture.setTenant(app, a.tenantId);
                long visible = count(app, "SELECT count(*) FROM " + table);
                soft.assertThat(count(app, "SELECT count(*) FROM " + table + " WHERE tenant_id = ?", b.tenantId))
                        .as("%s: B's rows are invisible to A", table).isZero();
                soft.assertThat(count(app, "SELECT count(*) FROM " + table + " WHERE tenant_id = ?", a.tenantId))
                        .as("%s: A sees only A's rows", table).isEqualTo(visible);
                if (a.ids.containsKey(table)) {
                    soft.assertThat(visible).as("%s: A sees its own rows", table).isPositive();
                }
                if (APPEND_ONLY.contains(table)) {
                    soft.assertThat(sqlState(app, "UPDATE " + table + " SET tenant_id = tenant_id WHERE tenant_id = ?", b.tenantId))
                            .as("%s: append-only, no updates at all", table).isEqualTo(INSUFFICIENT_PRIVILEGE);
                    soft.assertThat(sqlState(app, "DELETE FROM " + table + " WHERE tenant_id = ?", b.tenantId))
                            .as("%s: append-only, no deletes at all", table).isEqualTo(INSUFFICIENT_PRIVILEGE);
                } else {
                    soft.assertThat(update(app, "UPDATE " + table + " SET tenant_id = tenant_id WHERE tenant_id = ?", b.tenantId))
                            .as("%s: A updates none of B's rows", table).isZero();
                    soft.assertThat(update(app, "DELETE FROM " + table + " WHERE tenant_id = ?", b.tenantId))
                            .as("%s: A deletes none of B's rows", table).isZero();
                }
                soft.assertThat(sqlState(app, "INSERT INTO " + table + " (tenant_id) VALUES (?)", b.tenantId))
                        .as("%s: A cannot insert a row for B", table).isEqualTo(RLS_VIOLATION);
                if (visible > 0 && !APPEND_ONLY.contains(table)) {
                    soft.assertThat(sqlState(app, "UPDATE " + table + " SET tenant_id = ?", b.tenantId))
                            .as("%s: A cannot move its rows to B", table).isEqualTo(RLS_VIOLATION);
                }
                app.rollback();
            }
        }
        soft.assertAll();
        assertThat(countAsOwner(b.tenantId, "contributions")).as("B's rows are intact").isPositive();
    }

    @Test
    void withoutATenantNothingIsVisibleOrWritable() throws SQLException {
        SoftAssertions soft = new SoftAssertions();
        try (Connection app = db.openApp()) {
            app.setAutoCommit(false);
            for (String table : tenantTables) {
                soft.assertThat(count(app, "SELECT count(*) FROM " + table)).as("%s without tenant", table).isZero();
                soft.assertThat(sqlState(app, "INSERT INTO " + table + " (tenant_id) VALUES (?)", a.tenantId))
                        .as("%s: insert without tenant", table).isEqualTo(RLS_VIOLATION);
                app.rollback();
            }
            soft.assertThat(count(app, "SELECT count(*) FROM tenants")).as("tenants without tenant").isZero();
        }
        soft.assertAll();
    }

    @Test
    void theTenantSettingDoesNotOutliveItsTransaction() throws SQLException {
        try (Connection app = db.openApp()) {
            app.setAutoCommit(false);
            TenantFixture.setTenant(app, a.tenantId);
            assertThat(count(app, "SELECT count(*) FROM projects")).isPositive();
            app.commit();
            assertThat(strings(app, "SELECT coalesce(hybriddb_current_tenant()::text, 'none')")).containsExactly("none");
            assertThat(count(app, "SELECT count(*) FROM projects")).isZero();
            app.commit();

            TenantFixture.setTenant(app, b.tenantId);
            assertThat(count(app, "SELECT count(*) FROM projects WHERE tenant_id = ?", b.tenantId)).isPositive();
            app.rollback();
            assertThat(count(app, "SELECT count(*) FROM projects")).isZero();
            app.rollback();
        }
    }

    @Test
    void aTenantSeesAndUpdatesOnlyItsOwnTenantRow() throws SQLException {
        try (Connection app = db.openApp()) {
            app.setAutoCommit(false);
            TenantFixture.setTenant(app, a.tenantId);
            assertThat(strings(app, "SELECT id::text FROM tenants")).containsExactly(a.tenantId.toString());
            assertThat(update(app, "UPDATE tenants SET name = 'renamed' WHERE id = ?", b.tenantId)).isZero();
            assertThat(update(app, "UPDATE tenants SET name = 'renamed' WHERE id = ?", a.tenantId)).isOne();
            assertThat(sqlState(app, "INSERT INTO tenants (id, name, slug) VALUES (?, 'x', 'x-" + UUID.randomUUID() + "')",
                    UUID.randomUUID())).isEqualTo(RLS_VIOLATION);
            app.rollback();

            UUID fresh = UUID.randomUUID();
            TenantFixture.setTenant(app, fresh);
            assertThat(update(app, "INSERT INTO tenants (id, name, slug) VALUES (?, 'Fresh', 'fresh-tenant')", fresh)).isOne();
            app.rollback();
        }
    }

    @Test
    void viewsApplyTheCallersRowLevelSecurity() throws SQLException {
        try (Connection app = db.openApp()) {
            app.setAutoCommit(false);
            TenantFixture.setTenant(app, a.tenantId);
            for (String view : List.of("swarm_summary", "agent_activity", "event_stats_24h")) {
                assertThat(count(app, "SELECT count(*) FROM " + view)).as(view).isPositive();
                assertThat(count(app, "SELECT count(*) FROM " + view + " WHERE tenant_id <> ?", a.tenantId)).as(view).isZero();
            }
            assertThat(strings(app, "SELECT agent_count || '/' || budget_allocated FROM swarm_summary")).containsExactly("2/100.0000");
            app.rollback();
        }
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection c = db.openAdmin()) {
            assertThat(strings(c, "SELECT rolsuper || ',' || rolbypassrls FROM pg_roles WHERE rolname = '" + db.appUser() + "'"))
                    .containsExactly("false,false");
            assertThat(strings(c, "SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                    + " WHERE r.rolname = '" + db.appUser() + "' AND c.relnamespace = current_schema()::regnamespace")).isEmpty();
            assertThat(strings(c, "SELECT t.typname FROM pg_type t JOIN pg_roles r ON r.oid = t.typowner"
                    + " WHERE r.rolname = '" + db.appUser() + "' AND t.typnamespace = current_schema()::regnamespace")).isEmpty();
        }
    }

    private static long countAsOwner(UUID tenant, String table) throws SQLException {
        try (Connection c = db.openAdmin()) {
            c.setAutoCommit(false);
            TenantFixture.setTenant(c, tenant);
            long n = count(c, "SELECT count(*) FROM " + table);
            c.rollback();
            return n;
        }
    }

    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** Runs a statement that must fail inside a savepoint, returning its SQLState ("ok" if it succeeded). */
    private static String sqlState(Connection c, String sql, Object... params) throws SQLException {
        var savepoint = c.setSavepoint();
        try (PreparedStatement ps = prepare(c, sql, params)) {
            ps.executeUpdate();
            return "ok";
        } catch (SQLException e) {
            return e.getSQLState();
        } finally {
            c.rollback(savepoint);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
