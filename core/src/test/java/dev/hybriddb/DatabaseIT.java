package dev.hybriddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.testing.PostgresService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transactions, tenant setting, retry and exception translation against a real PostgreSQL. */
class DatabaseIT {
    private static AppRoleDatabase fixture;
    private static PostgresService pg;
    private static Database db;

    @BeforeAll
    static void setUp() throws SQLException {
        fixture = AppRoleDatabase.create("core_db");
        pg = fixture.pg;
        try (Connection c = pg.openAdmin(); Statement st = c.createStatement()) {
            st.execute("create table things (id int primary key, name text not null constraint things_name_key unique)");
            st.execute("grant select, insert, update, delete on things to " + pg.appUser());
        }
        db = Database.of(fixture.pool, RetryPolicy.of(3, Duration.ofMillis(10)));
    }

    @AfterAll
    static void tearDown() {
        AppRoleDatabase.close(fixture);
    }

    @Test
    void tenantSettingLivesOnlyInItsTransaction() {
        UUID tenant = UUID.randomUUID();
        int pid = db.inTransaction(DatabaseIT::backendPid);
        assertThat(db.inTenant(tenant, DatabaseIT::tenantSetting)).isEqualTo(tenant.toString());
        assertThat(db.inTenant(tenant, DatabaseIT::backendPid)).isEqualTo(pid);
        assertThat(db.inTransaction(DatabaseIT::tenantSetting)).isNullOrEmpty();
        assertThat(db.inTransaction(DatabaseIT::backendPid)).as("same pooled connection").isEqualTo(pid);
    }

    @Test
    void tenantSettingIsGoneAfterFailedWork() {
        UUID tenant = UUID.randomUUID();
        assertThatThrownBy(() -> db.inTenant(tenant, c -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(db.inTransaction(DatabaseIT::tenantSetting)).isNullOrEmpty();
    }

    @Test
    void tenantIsAParameterNotSql() {
        assertThatThrownBy(() -> db.inTenant(null, c -> 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tenantId");
    }

    @Test
    void recoversFromTerminatedBackend() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();
        int id = 1000;
        String name = db.<String>inTransaction(c -> {
            if (attempts.incrementAndGet() == 1) {
                terminate(backendPid(c));
            }
            insert(c, id, "survivor");
            return name(c, id);
        });
        assertThat(name).isEqualTo("survivor");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void doesNotRetryUniqueViolation() {
        db.inTransaction(c -> insert(c, 1, "secret-value-17"));
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.inTransaction(c -> {
            attempts.incrementAndGet();
            return insert(c, 2, "secret-value-17");
        })).isInstanceOfSatisfying(ConstraintViolationException.class,
                e -> assertThat(e.constraint()).isEqualTo("things_name_key"))
                .hasMessageContaining("things_name_key").hasMessageNotContaining("secret-value-17");
        assertThat(attempts).hasValue(1);
        assertThat(db.<String>inTransaction(c -> name(c, 2))).as("nothing half written").isNull();
    }

    @Test
    void retriesSerializationFailureDeadlockAndTooManyConnections() {
        for (String state : new String[] {"40001", "40P01", "53300", "08006"}) {
            AtomicInteger attempts = new AtomicInteger();
            int result = db.inTransaction(c -> {
                if (attempts.incrementAndGet() < 3) {
                    raise(c, state);
                }
                return 7;
            });
            assertThat(result).as(state).isEqualTo(7);
            assertThat(attempts).as(state).hasValue(3);
        }
    }

    @Test
    void givesUpAfterTheRetriesAndSaysUnavailable() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.inTransaction(c -> {
            attempts.incrementAndGet();
            return raise(c, "40001");
        })).isInstanceOf(UnavailableException.class).hasMessageContaining("40001");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void doesNotRetryOtherErrors() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.inTransaction(c -> {
            attempts.incrementAndGet();
            return raise(c, "42P01");
        })).isExactlyInstanceOf(HybridDBException.class).hasMessageContaining("42P01");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void translatesJooqWrappedErrors() {
        db.inTransaction(c -> insert(c, 3, "jooq"));
        assertThatThrownBy(() -> db.inTransaction(c ->
                db.dsl(c).execute("insert into things(id, name) values (?, ?)", 4, "jooq")))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("things_name_key"));
    }

    private static int raise(Connection c, String state) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("do $$ begin raise exception 'simulated' using errcode = '" + state + "'; end $$");
        }
        return 0;
    }

    private static int insert(Connection c, int id, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into things(id, name) values (?, ?)")) {
            ps.setInt(1, id);
            ps.setString(2, name);
            return ps.executeUpdate();
        }
    }

    private static String name(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select name from things where id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void terminate(int pid) throws SQLException {
        try (Connection owner = pg.openAdmin();
                PreparedStatement ps = owner.prepareStatement("select pg_terminate_backend(?, 5000)")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("backend terminated").isTrue();
            }
        }
    }

    static String tenantSetting(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select current_setting('hybriddb.tenant_id', true)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static int backendPid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
