package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridDBException;
import dev.hybriddb.sync.internal.outbox.WakeLock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The outbox triggers of changelogs 0900-0930, written by the application role, and the wake-up rule. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxTriggerIT {
    private SyncTestDb db;
    private Workspace w;

    @BeforeAll
    void setUp() {
        db = SyncTestDb.create("sync_outbox");
        w = new Workspace(db.app).seed(2);
    }

    @AfterAll
    void tearDown() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
    }

    private List<Map<String, Object>> outbox() {
        return db.owner.inTransaction(c -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT tenant_id::text, table_name, op, row_key::text, coalesce(old_row::text, '') FROM hybriddb_sync.hybriddb_outbox ORDER BY id")) {
                while (rs.next()) {
                    rows.add(Map.of("tenant", String.valueOf(rs.getString(1)), "table", rs.getString(2), "op", rs.getString(3),
                            "key", rs.getString(4), "old", rs.getString(5)));
                }
            }
            return rows;
        });
    }

    @Test
    void everyWriteOfTheApplicationRoleLeavesOneOutboxRow() {
        UUID user = w.users.get(0);
        w.exec("UPDATE users SET name = 'renamed' WHERE id = ?", user);
        w.exec("UPDATE users SET name = 'renamed' WHERE id = ?", user);
        w.exec("UPDATE team_members SET user_id = ? WHERE id = ?", w.users.get(1), w.teamMembers.get(0));
        w.exec("DELETE FROM api_keys WHERE id = ?", w.apiKeys.get(1));
        List<Map<String, Object>> rows = outbox();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsEntry("table", "users").containsEntry("op", "U")
                .containsEntry("tenant", w.tenant.toString()).containsEntry("key", "{\"id\": \"" + user + "\"}").containsEntry("old", "");
        assertThat((String) rows.get(2).get("old")).contains("\"user_id\": \"" + w.users.get(0) + "\"");
        assertThat(rows.get(1)).containsEntry("table", "users").containsEntry("op", "U");
        assertThat(rows.get(3)).containsEntry("table", "api_keys").containsEntry("op", "D");
        assertThat((String) rows.get(3).get("old")).contains("openai").doesNotContain("ciphertext", "nonce");
    }

    @Test
    void aRolledBackWriteLeavesNothing() {
        assertThatThrownBy(() -> db.app.inTenant(w.tenant, c -> {
            Workspace.exec(c, "UPDATE tasks SET title = 'x' WHERE id = ?", w.tasks.get(0));
            throw new SQLException("rolled back on purpose", "P0001");
        })).isInstanceOf(HybridDBException.class);
        assertThat(outbox()).isEmpty();
    }

    @Test
    void theApplicationRoleCannotReadTheOutbox() {
        assertThatThrownBy(() -> db.app.inTenant(w.tenant, c -> {
            try (Statement st = c.createStatement()) {
                st.executeQuery("SELECT count(*) FROM hybriddb_sync.hybriddb_outbox");
            }
            return null;
        })).isInstanceOf(HybridDBException.class).hasMessageContaining("permission denied");
    }

    @Test
    void aWakeUpCarriesNoPayload() throws Exception {
        try (Connection listen = db.listen().open(); Statement st = listen.createStatement()) {
            st.execute("LISTEN hybriddb_outbox");
            assertThat(WakeLock.arm(listen)).isTrue();          // asleep, like a consumer: writers notify
            w.addTasks(3);
            PGNotification[] n = listen.unwrap(PGConnection.class).getNotifications(10_000);
            assertThat(n).isNotEmpty();
            assertThat(n[0].getName()).isEqualTo("hybriddb_outbox");
            assertThat(n[0].getParameter()).isEmpty();
        }
        assertThat(outbox()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void writersSkipTheNotifyWhileNoConsumerSleeps() throws Exception {
        try (Connection listen = db.listen().open(); Statement st = listen.createStatement()) {
            st.execute("LISTEN hybriddb_outbox");
            w.addTasks(2);
            assertThat(listen.unwrap(PGConnection.class).getNotifications(500)).isNullOrEmpty();
            assertThat(WakeLock.arm(listen)).isTrue();
            w.addTasks(1);
            assertThat(listen.unwrap(PGConnection.class).getNotifications(10_000)).isNotEmpty();
            WakeLock.disarm(listen);
        }
        assertThat(outbox()).extracting(r -> r.get("table")).filteredOn("tasks"::equals).hasSize(3);
    }

    @Test
    void aConsumerArmingWaitsForTheWritersThatSkippedTheNotify() throws Exception {
        try (Connection writer = db.appPool.getConnection(); Connection listen = db.listen().open()) {
            writer.setAutoCommit(false);
            Workspace.exec(writer, "SELECT set_config('hybriddb.tenant_id', ?, true)", w.tenant.toString());
            Workspace.exec(writer, "UPDATE tasks SET title = 'open' WHERE id = ?", w.tasks.get(0));   // skipped its NOTIFY
            WakeLock.prepare(listen);
            assertThat(WakeLock.arm(listen)).as("the open writer holds the lock shared").isFalse();
            assertThat(WakeLock.heldBySleeper(listen)).isFalse();
            writer.commit();
            assertThat(WakeLock.arm(listen)).isTrue();
            try (Connection other = db.listen().open()) {
                assertThat(WakeLock.heldBySleeper(other)).isTrue();
            }
        }
        assertThat(outbox()).hasSize(1);
    }

    @Test
    void theWakeKeyIsTheOneTheConsumerUses() {
        Object key = db.owner.inTransaction(c -> scalar(c, "SELECT hybriddb_outbox_wake_key()"));
        assertThat(key).isEqualTo(WakeLock.KEY);
    }

    @Test
    void everyProjectedTableHasItsOwnGeneratedCaptureFunction() {
        List<String> generic = db.owner.inTransaction(c -> strings(c, "SELECT tgrelid::regclass::text FROM pg_trigger "
                + "WHERE tgfoid = 'hybriddb_outbox_capture()'::regprocedure"));
        assertThat(generic).isEmpty();
        List<String> own = db.owner.inTransaction(c -> strings(c, "SELECT tgname || '=' || tgfoid::regproc::text FROM pg_trigger "
                + "WHERE tgname LIKE 'tasks\\_hybriddb\\_outbox%' ORDER BY tgname"));
        assertThat(own).containsExactly("tasks_hybriddb_outbox=tasks_hybriddb_outbox",
                "tasks_hybriddb_outbox_trunc=hybriddb_outbox_capture_truncate", "tasks_hybriddb_outbox_upd=tasks_hybriddb_outbox");
        List<String> indexes = db.owner.inTransaction(c -> strings(c, "SELECT indexrelid::regclass::text FROM pg_index "
                + "WHERE indrelid = 'hybriddb_sync.hybriddb_outbox'::regclass"));
        assertThat(indexes).as("the consumer claims by primary key only").containsExactly("hybriddb_sync.hybriddb_outbox_pkey");
    }

    @Test
    void anApplicationTableAttachedTheOldWayOrTheNewWayWritesTheSameRows() {
        db.owner.inTransaction(c -> {
            for (String t : List.of("app_old", "app_new")) {
                Workspace.exec(c, "CREATE TABLE " + t + " (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, owner_id uuid, "
                        + "name text, token text)");
                Workspace.exec(c, "GRANT SELECT, INSERT, UPDATE, DELETE ON " + t + " TO " + db.pg.appUser());
            }
            // as 0900's attach did: the generic function with the arguments as trigger arguments
            Workspace.exec(c, "CREATE TRIGGER app_old_hybriddb_outbox AFTER INSERT OR DELETE ON app_old FOR EACH ROW "
                    + "EXECUTE FUNCTION hybriddb_outbox_capture('id', 'owner_id', 'token')");
            Workspace.exec(c, "CREATE TRIGGER app_old_hybriddb_outbox_upd AFTER UPDATE ON app_old FOR EACH ROW "
                    + "WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION hybriddb_outbox_capture('id', 'owner_id', 'token')");
            Workspace.exec(c, "SELECT hybriddb_outbox_attach('app_new', 'id', 'owner_id', 'token')");
            return null;
        });
        UUID id = UUID.randomUUID();
        UUID owner1 = UUID.randomUUID();
        UUID owner2 = UUID.randomUUID();
        for (String t : List.of("app_old", "app_new")) {
            w.exec("INSERT INTO " + t + " (id, tenant_id, owner_id, name, token) VALUES (?, ?, ?, 'a', 's3cret')", id, w.tenant, owner1);
            w.exec("UPDATE " + t + " SET name = 'b' WHERE id = ?", id);
            w.exec("UPDATE " + t + " SET owner_id = ? WHERE id = ?", owner2, id);
            w.exec("DELETE FROM " + t + " WHERE id = ?", id);
        }
        List<Map<String, Object>> rows = outbox();
        assertThat(rows).hasSize(8);
        for (int i = 0; i < 4; i++) {
            Map<String, Object> old = new java.util.HashMap<>(rows.get(i));
            Map<String, Object> neu = new java.util.HashMap<>(rows.get(i + 4));
            assertThat(old.remove("table")).isEqualTo("app_old");
            assertThat(neu.remove("table")).isEqualTo("app_new");
            assertThat(neu).isEqualTo(old);
        }
        assertThat((String) rows.get(6).get("old")).contains(owner1.toString()).contains(w.tenant.toString());
        assertThat((String) rows.get(7).get("old")).contains("\"name\": \"b\"").doesNotContain("s3cret", "token");
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "SELECT hybriddb_outbox_detach('app_new')");
            Workspace.exec(c, "DROP TABLE app_old, app_new");
            return null;
        });
        List<String> left = db.owner.inTransaction(c -> strings(c, "SELECT proname::text FROM pg_proc WHERE proname = 'app_new_hybriddb_outbox'"));
        assertThat(left).isEmpty();
    }

    @Test
    void everyUpdateWritesARowAndColumnsWithoutEqualityAreFine() {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "CREATE TABLE app_json (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, doc json, spot point, name text)");
            Workspace.exec(c, "GRANT SELECT, INSERT, UPDATE, DELETE ON app_json TO " + db.pg.appUser());
            Workspace.exec(c, "SELECT hybriddb_outbox_attach('app_json', 'id')");
            return null;
        });
        UUID id = UUID.randomUUID();
        w.exec("INSERT INTO app_json (id, tenant_id, doc, spot, name) VALUES (?, ?, '{\"a\": 1}', '(1,2)', 'x')", id, w.tenant);
        w.exec("UPDATE app_json SET name = name, doc = doc WHERE id = ?", id);
        w.exec("UPDATE app_json SET doc = '{\"a\": 2}', spot = '(3,4)' WHERE id = ?", id);
        List<Map<String, Object>> rows = outbox();
        assertThat(rows).as("an update that changes nothing is captured too (no per-statement comparison)")
                .extracting(r -> r.get("op")).containsExactly("I", "U", "U");
        List<String> whenClauses = db.owner.inTransaction(c -> strings(c, "SELECT tgname::text FROM pg_trigger "
                + "WHERE tgname LIKE '%\\_hybriddb\\_outbox%' AND tgqual IS NOT NULL"));
        assertThat(whenClauses).as("no trigger re-plans a WHEN clause per statement").isEmpty();
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "SELECT hybriddb_outbox_detach('app_json')");
            Workspace.exec(c, "DROP TABLE app_json");
            return null;
        });
    }

    @Test
    void aTruncateLeavesOneRowPerTableAndDetachRemovesItsTrigger() {
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "CREATE TABLE app_trunc (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, name text)");
            Workspace.exec(c, "CREATE TABLE app_trunc_child (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, "
                    + "parent_id uuid REFERENCES app_trunc (id))");
            Workspace.exec(c, "SELECT hybriddb_outbox_attach('app_trunc', 'id')");
            Workspace.exec(c, "SELECT hybriddb_outbox_attach('app_trunc_child', 'id')");
            Workspace.exec(c, "INSERT INTO app_trunc VALUES ('" + UUID.randomUUID() + "', '" + w.tenant + "', 'a')");
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            Workspace.exec(c, "TRUNCATE app_trunc CASCADE");
            return null;
        });
        assertThat(outbox()).as("one row per truncated table, cascaded ones included; no tenant (TRUNCATE ignores RLS)")
                .extracting(r -> r.get("table") + ":" + r.get("op") + ":" + r.get("key") + ":" + r.get("tenant"))
                .containsExactlyInAnyOrder("app_trunc:T:{}:null", "app_trunc_child:T:{}:null");
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "SELECT hybriddb_outbox_detach('app_trunc_child')");
            Workspace.exec(c, "SELECT hybriddb_outbox_detach('app_trunc')");
            return null;
        });
        List<String> left = db.owner.inTransaction(c -> strings(c, "SELECT tgname::text FROM pg_trigger "
                + "WHERE tgrelid IN ('app_trunc'::regclass, 'app_trunc_child'::regclass) AND NOT tgisinternal"));
        assertThat(left).isEmpty();
        db.owner.inTransaction(c -> {
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            Workspace.exec(c, "DROP TABLE app_trunc_child, app_trunc");
            return null;
        });
    }

    @Test
    void aDeletedTenantLeavesTheGraphRegistryAndANonexistentOneNeverEntersIt() {
        Workspace gone = new Workspace(db.app).seed(1);
        UUID neverCreated = UUID.randomUUID();
        for (UUID t : List.of(gone.tenant, neverCreated)) {
            db.app.inTenant(t, c -> {
                Workspace.exec(c, "SELECT hybriddb_graph_tenant_register()");
                return null;
            });
        }
        assertThat(registered(gone.tenant)).isTrue();
        assertThat(registered(neverCreated)).as("no tenants row, no registration").isFalse();
        db.app.inTenant(gone.tenant, c -> {
            Workspace.exec(c, "DELETE FROM tenants WHERE id = ?", gone.tenant);       // cascades to its rows
            return null;
        });
        assertThat(registered(gone.tenant)).as("removed with the tenant, in the same transaction").isFalse();
    }

    private boolean registered(UUID tenant) {
        return PostgresSync.registeredTenants(db.owner).contains(tenant);
    }

    @Test
    void attachingAMissingColumnFailsClearly() {
        assertThatThrownBy(() -> db.owner.inTransaction(c -> {
            Workspace.exec(c, "SELECT hybriddb_outbox_attach('tasks', 'id', 'no_such_column')");
            return null;
        })).isInstanceOf(HybridDBException.class).hasMessageContaining("no_such_column");
    }

    private static Object scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
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
