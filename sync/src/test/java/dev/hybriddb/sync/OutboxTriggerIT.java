package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridDBException;
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

/** The outbox triggers of changelog 0900/0910, written by the application role. */
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
                    rows.add(Map.of("tenant", rs.getString(1), "table", rs.getString(2), "op", rs.getString(3),
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
            w.addTasks(3);
            PGNotification[] n = listen.unwrap(PGConnection.class).getNotifications(10_000);
            assertThat(n).isNotEmpty();
            assertThat(n[0].getName()).isEqualTo("hybriddb_outbox");
            assertThat(n[0].getParameter()).isEmpty();
        }
        assertThat(outbox()).hasSizeGreaterThanOrEqualTo(3);
    }
}
