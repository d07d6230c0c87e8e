package dev.hybriddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.model.Page;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An adversarial tenant: its work (through {@code withTenant}'s connection and jOOQ context, and
 * through {@code db.database()}) leaves session settings, temporary tables, schemas, prepared
 * statements, locks and role settings behind. Afterwards, many transactions of other tenants over
 * a pool of two connections must see only their own rows, write into {@code public.tasks} (with
 * their outbox rows), and lose nothing.
 */
class TenantConnectionHygieneIT {
    private static final int ROUNDS = 6;
    private static PostgresService pg;
    private static HybridDB db;
    private static UUID attacker;
    private static final List<UUID> victims = new ArrayList<>();
    private static final Map<UUID, List<UUID>> written = new HashMap<>();

    @BeforeAll
    static void setUp() {
        pg = TestServices.freshDatabase("core_hyg");
        db = HybridDB.builder().config(config()).build();
        db.migrate();
        attacker = db.createTenant(TenantFields.of("attacker", "attacker")).id();
        for (int i = 0; i < 3; i++) {
            victims.add(db.createTenant(TenantFields.of("victim " + i, "victim-" + i)).id());
        }
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
        if (pg != null) {
            admin("ALTER ROLE " + pg.appUser() + " IN DATABASE " + pg.database() + " RESET ALL");
            TestServices.dropDatabase(pg);
        }
    }

    private static HybridConfig config() {
        return HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                .migrationUser(pg.adminUser()).migrationPassword(pg.adminPassword())
                .minPoolSize(0).maxPoolSize(2).retryDelay(Duration.ofMillis(10)).poolName("hygiene-it").build();
    }

    @Test
    void aSessionLevelTenantSettingDoesNotOutliveTheTransaction() {
        String other = victims.get(0).toString();
        attack(c -> exec(c, "SET hybriddb.tenant_id = '" + other + "'"));
        db.useTenant(attacker, s -> s.dsl().fetch("select set_config('hybriddb.tenant_id', ?, false)", other));
        noTenant(db.database(), "select set_config('hybriddb.tenant_id', '" + other + "', false)");
        for (int i = 0; i < 4; i++) {
            assertThat(noTenant(db.database(), "select count(*) from tasks"))
                    .as("a transaction without tenant sees no tenant's rows").isEqualTo("0");
        }
        victimsWorkAsUsual(db);
    }

    @Test
    void theApplicationRoleCannotCreateTemporaryTablesOrSchemas() {
        assertThatThrownBy(() -> attack(c -> exec(c, "CREATE TEMP TABLE tasks (LIKE public.tasks INCLUDING DEFAULTS)")))
                .isInstanceOf(HybridDBException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> attack(c -> exec(c, "CREATE SCHEMA evil")))
                .isInstanceOf(HybridDBException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> attack(c -> exec(c, "CREATE TABLE public.planted (id int)")))
                .isInstanceOf(HybridDBException.class).hasMessageContaining("permission denied");
        victimsWorkAsUsual(db);
    }

    /** Where the privileges were not taken away (the revocation needs the database owner), the SDK still ignores planted tables. */
    @Test
    void temporaryTablesAndSchemasDoNotShadowTheRealTables() throws SQLException {
        admin("GRANT CREATE, TEMPORARY ON DATABASE " + pg.database() + " TO " + pg.appUser());
        try {
            for (int i = 0; i < 4; i++) {
                attack(c -> plantShadows(c, victims));
            }
            victimsWorkAsUsual(db);
        } finally {
            admin("REVOKE CREATE, TEMPORARY ON DATABASE " + pg.database() + " FROM " + pg.appUser());
            admin("DROP SCHEMA IF EXISTS evil CASCADE");
        }
    }

    private static void plantShadows(Connection c, List<UUID> tenants) throws SQLException {
        exec(c, "CREATE TEMP TABLE IF NOT EXISTS tasks (LIKE public.tasks INCLUDING DEFAULTS)");
        exec(c, "CREATE TEMP TABLE IF NOT EXISTS agents (LIKE public.agents INCLUDING DEFAULTS)");
        exec(c, "CREATE SCHEMA IF NOT EXISTS evil");
        exec(c, "CREATE TABLE IF NOT EXISTS evil.tasks (LIKE public.tasks INCLUDING DEFAULTS)");
        exec(c, "CREATE OR REPLACE FUNCTION evil.current_setting(text, boolean) RETURNS text"
                + " LANGUAGE sql AS $$ SELECT '" + tenants.get(0) + "' $$");
        for (UUID t : tenants) {
            exec(c, "INSERT INTO pg_temp.tasks (tenant_id, title) VALUES ('" + t + "', 'planted')");
            exec(c, "INSERT INTO evil.tasks (tenant_id, title) VALUES ('" + t + "', 'planted')");
        }
        exec(c, "SET search_path = evil, pg_catalog, public");
    }

    @Test
    void sessionSettingsThatBreakOrWeakenLaterWorkAreReset() {
        attack(c -> {
            exec(c, "SET row_security = off");
            exec(c, "SET default_transaction_read_only = on");
            exec(c, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
            exec(c, "PREPARE s_1 AS SELECT 1");
            for (int i = 1; i <= 20; i++) {
                exec(c, "PREPARE \"S_" + i + "\" AS SELECT 1");    // pgjdbc's own statement names
            }
            exec(c, "DECLARE kept CURSOR WITH HOLD FOR SELECT 1");
            query(c, "select pg_advisory_lock(42)");
            exec(c, "LISTEN hybriddb_outbox");
            // last, so that only the end of the work runs under them; a leak fails the victims' 10 ms sleep
            exec(c, "SET lock_timeout = 5");
            exec(c, "SET statement_timeout = 5");
        });
        victimsWorkAsUsual(db);
        assertThat(noTenant(db.database(), "show transaction_isolation")).isEqualTo("read committed");
        assertThat(noTenant(db.database(), "select count(*) from pg_catalog.pg_locks"
                + " where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())"))
                .as("no session-level advisory lock left behind").isEqualTo("0");
    }

    @Test
    void theConnectionCannotBeCommittedOrClosedByTheWork() {
        db.useTenant(attacker, s -> {
            assertThatThrownBy(() -> s.connection().commit()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.connection().rollback()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.connection().setAutoCommit(true)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.connection().close()).isInstanceOf(SQLException.class);
        });
        db.database().inTransaction(c -> {
            assertThatThrownBy(c::close).isInstanceOf(SQLException.class);
            return null;
        });
        victimsWorkAsUsual(db);
    }

    @Test
    void aResetConnectionStaysInThePool() {
        Set<Object> backends = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            backends.add(db.withTenant(attacker, s -> s.dsl().fetchValue("select pg_backend_pid()")));
            backends.add(noTenant(db.database(), "select pg_backend_pid()::text"));
        }
        assertThat(backends).as("PostgreSQL backends behind a pool of two").hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void aConnectionThatCannotBeResetLeavesThePool() {
        assertThatThrownBy(() -> db.useTenant(attacker, s -> s.dsl().fetch("select pg_terminate_backend(pg_backend_pid())")))
                .isInstanceOf(HybridDBException.class);
        victimsWorkAsUsual(db);
    }

    /** A role setting cannot be prevented (any role may set its own), but the SDK overrides the ones it relies on. */
    @Test
    void roleSettingsDoNotBreakStartUpOrRedirectSdkWork() {
        attack(c -> {
            exec(c, "ALTER ROLE CURRENT_USER IN DATABASE " + pg.database() + " SET search_path = pg_temp, evil");
            exec(c, "ALTER ROLE CURRENT_USER IN DATABASE " + pg.database() + " SET row_security = off");
            exec(c, "ALTER ROLE CURRENT_USER IN DATABASE " + pg.database() + " SET statement_timeout = 1");
            exec(c, "ALTER ROLE CURRENT_USER IN DATABASE " + pg.database() + " SET default_transaction_read_only = on");
            // hybriddb.tenant_id itself cannot be set this way: PostgreSQL refuses unknown parameters to non-superusers here
        });
        try (HybridDB fresh = HybridDB.builder().config(config().toBuilder().poolName("hygiene-it-2").build()).build()) {
            assertThat(noTenant(fresh.database(), "select count(*) from tasks")).isEqualTo("0");
            victimsWorkAsUsual(fresh);
        } finally {
            try {
                admin("ALTER ROLE " + pg.appUser() + " IN DATABASE " + pg.database() + " RESET ALL");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The attack from inside withTenant (jOOQ context and connection) and through db.database(), several times over. */
    private static void attack(SqlConsumer attack) {
        for (int i = 0; i < 2; i++) {
            db.useTenant(attacker, s -> run(attack, s.connection()));
            db.useTenant(attacker, s -> s.dsl().connection(c -> attack.accept(c)));
            db.database().inTransaction(c -> {
                attack.accept(c);
                return null;
            });
            db.database().inTenant(attacker, c -> {
                attack.accept(c);
                return null;
            });
        }
    }

    /** Other tenants' work over the pool: own rows only, writes in public.tasks with their outbox rows, nothing lost. */
    private static void victimsWorkAsUsual(HybridDB on) {
        for (int round = 0; round < ROUNDS; round++) {
            for (UUID v : victims) {
                String title = "task " + round;
                Task t = on.withTenant(v, s -> s.tasks().create(TaskFields.of(title, List.of())));
                written.computeIfAbsent(v, k -> new ArrayList<>()).add(t.id());
                List<Task> seen = on.withTenant(v, s -> s.tasks().list(Page.first(Page.MAX_LIMIT)));
                assertThat(seen).allSatisfy(x -> assertThat(x.tenantId()).isEqualTo(v));
                assertThat(seen).extracting(Task::title).doesNotContain("planted");
                assertThat(seen).extracting(Task::id).containsExactlyInAnyOrderElementsOf(written.get(v));
                assertThat(inTenant(on.database(), v, "select count(*) from pg_sleep(0.01)")).isEqualTo("1");
                assertThat(noTenant(on.database(), "select count(*) from tasks")).isEqualTo("0");
            }
        }
        assertStoredWithOutbox();
    }

    /** As the owner: every task written is in public.tasks under its tenant, each with its outbox row. */
    private static void assertStoredWithOutbox() {
        try (Connection c = pg.openAdmin()) {
            for (UUID v : victims) {
                List<UUID> ids = written.get(v);
                exec(c, "select set_config('hybriddb.tenant_id', '" + v + "', false)");
                try (PreparedStatement ps = c.prepareStatement("select count(*) from public.tasks where tenant_id = ? and id = any(?)")) {
                    ps.setObject(1, v);
                    ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                    assertThat(single(ps)).as("tasks of %s in public.tasks", v).isEqualTo(ids.size());
                }
                try (PreparedStatement ps = c.prepareStatement("select count(*) from hybriddb_sync.hybriddb_outbox"
                        + " where table_name = 'tasks' and op = 'I' and tenant_id = ? and (row_key->>'id')::uuid = any(?)")) {
                    ps.setObject(1, v);
                    ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                    assertThat(single(ps)).as("outbox rows of %s's tasks", v).isEqualTo(ids.size());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface SqlConsumer {
        void accept(Connection c) throws SQLException;
    }

    private static void run(SqlConsumer attack, Connection c) {
        try {
            attack.accept(c);
        } catch (SQLException e) {
            throw new HybridDBException("attack failed: " + e.getMessage(), e);
        }
    }

    private static int single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String noTenant(Database d, String sql) {
        return d.inTransaction(c -> query(c, sql));
    }

    private static String inTenant(Database d, UUID tenant, String sql) {
        return d.inTenant(tenant, c -> query(c, sql));
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = pg.openAdmin()) {
            exec(c, sql);
        }
    }
}
