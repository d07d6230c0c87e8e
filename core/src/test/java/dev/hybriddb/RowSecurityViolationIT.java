package dev.hybriddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.internal.SqlErrors;
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

/** A row written for another tenant than the transaction's is a constraint violation, never retried. */
class RowSecurityViolationIT {
    private static AppRoleDatabase fixture;
    private static Database db;

    @BeforeAll
    static void setUp() throws SQLException {
        fixture = AppRoleDatabase.create("core_rls");
        PostgresService pg = fixture.pg;
        try (Connection c = pg.openAdmin(); Statement st = c.createStatement()) {
            st.execute("create table notes (tenant_id uuid not null, body text not null)");
            st.execute("alter table notes enable row level security");
            st.execute("create policy notes_tenant on notes using (tenant_id = current_setting('hybriddb.tenant_id', true)::uuid)"
                    + " with check (tenant_id = current_setting('hybriddb.tenant_id', true)::uuid)");
            st.execute("grant select, insert on notes to " + pg.appUser());
        }
        db = Database.of(fixture.pool, RetryPolicy.of(3, Duration.ofMillis(10)));
    }

    @AfterAll
    static void tearDown() {
        AppRoleDatabase.close(fixture);
    }

    @Test
    void rowOfAnotherTenantIsAConstraintViolation() {
        UUID mine = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.inTenant(mine, c -> {
            attempts.incrementAndGet();
            insert(c, mine, "first");                 // written, then rolled back with the rest
            return insert(c, other, "secret-body-42");
        })).isInstanceOfSatisfying(ConstraintViolationException.class,
                e -> assertThat(e.constraint()).isEqualTo(SqlErrors.ROW_SECURITY))
                .hasMessageContaining("row-level security").hasMessageContaining("notes")
                .hasMessageNotContaining("secret-body-42");
        assertThat(attempts).as("never retried").hasValue(1);
        assertThat(db.inTenant(mine, RowSecurityViolationIT::count)).as("nothing half written").isZero();
    }

    private static int insert(Connection c, UUID tenant, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into notes (tenant_id, body) values (?, ?)")) {
            ps.setObject(1, tenant);
            ps.setString(2, body);
            return ps.executeUpdate();
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from notes")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
