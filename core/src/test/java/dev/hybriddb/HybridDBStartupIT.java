package dev.hybriddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The facade's start-up: masked config in the log, role checks, tenant scope on a reused connection. */
class HybridDBStartupIT {
    private static final String ROLE = "core_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final String ROLE_PASSWORD = "pw-" + UUID.randomUUID();
    private static PostgresService pg;

    @BeforeAll
    static void setUp() throws SQLException {
        pg = TestServices.freshDatabase("core_start");
        try (Connection c = pg.openAdmin(); Statement st = c.createStatement()) {
            st.execute("create role " + ROLE + " login password '" + ROLE_PASSWORD + "'");
            st.execute("grant connect on database " + pg.database() + " to " + ROLE);
            st.execute("create table notes (tenant_id uuid not null, body text not null)");
            st.execute("alter table notes enable row level security");
            st.execute("alter table notes force row level security");
            st.execute("create policy notes_tenant on notes using (tenant_id = nullif(current_setting('hybriddb.tenant_id', true), '')::uuid)"
                    + " with check (tenant_id = nullif(current_setting('hybriddb.tenant_id', true), '')::uuid)");
            st.execute("grant select, insert, update, delete on notes to " + ROLE);
        }
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (pg != null) {
            TestServices.dropDatabase(pg);
            try (Connection c = TestServices.postgres().openAdmin(); Statement st = c.createStatement()) {
                st.execute("drop role if exists " + ROLE);
            }
        }
    }

    private static HybridConfig.Builder config(String user, String password) {
        String url = pg.jdbcUrl();
        return HybridConfig.builder().url(url).user(user).password(password).minPoolSize(0).maxPoolSize(1)
                .retryDelay(Duration.ofMillis(10)).poolName("startup-it");
    }

    @Test
    void logsTheConfigOnceWithSecretsMasked() {
        String key = Base64.getEncoder().encodeToString("k3y-material-k3y-material-k3y-m!".getBytes(StandardCharsets.US_ASCII));
        HybridConfig cfg = config(ROLE, ROLE_PASSWORD).encryptionKeyBase64(key)
                .migrationUser(pg.adminUser()).migrationPassword("owner-" + ROLE_PASSWORD).build();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (HybridDB db = HybridDB.builder().config(cfg).build()) {
            assertThat(db.toString()).doesNotContain(ROLE_PASSWORD);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("starting HybridDB").contains("****").contains(ROLE)
                .doesNotContain(ROLE_PASSWORD).doesNotContain(key).doesNotContain("k3y-material");
        assertThat(log.split("starting HybridDB", -1)).hasSize(2);
    }

    @Test
    void refusesTheOwnerRole() {
        HybridConfig cfg = config(pg.adminUser(), pg.adminPassword()).build();
        assertThatThrownBy(() -> HybridDB.builder().config(cfg).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(pg.adminUser()).hasMessageContaining("owns 1 HybridDB table(s) (notes)")
                .hasMessageNotContaining(pg.adminPassword() + "@");
    }

    @Test
    void refusesWrongPasswordWithoutShowingIt() {
        HybridConfig cfg = config(ROLE, "wrong-" + ROLE_PASSWORD).build();
        assertThatThrownBy(() -> HybridDB.builder().config(cfg).build())
                .isInstanceOf(UnavailableException.class).hasMessageNotContaining("wrong-" + ROLE_PASSWORD);
    }

    @Test
    void tenantScopeOnAReusedConnection() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        try (HybridDB db = HybridDB.builder().config(config(ROLE, ROLE_PASSWORD).build()).build()) {
            db.useTenant(a, scope -> {
                scope.dsl().execute("insert into notes(tenant_id, body) values (?, ?)", scope.tenantId(), "for a");
            });
            List<String> seenByB = db.withTenant(b, (TenantScope scope) -> scope.dsl().fetch("select body from notes").getValues(0, String.class));
            assertThat(seenByB).isEmpty();
            assertThatThrownBy(() -> db.useTenant(b, scope -> {
                scope.dsl().execute("insert into notes(tenant_id, body) values (?, ?)", a, "forged");
            })).isInstanceOf(HybridDBException.class).hasMessageContaining("42501");
            List<String> seenByA = db.withTenant(a, scope -> {
                return scope.dsl().fetch("select body from notes").getValues(0, String.class);
            });
            assertThat(seenByA).containsExactly("for a");
            assertThat(db.database().<Integer>inTransaction(c -> count(c))).as("no tenant, no rows").isZero();
        }
    }

    private static int count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from notes")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
