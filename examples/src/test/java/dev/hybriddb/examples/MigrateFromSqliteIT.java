package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.examples.migration.AgentTask;
import dev.hybriddb.examples.migration.MigrateFromSqlite;
import dev.hybriddb.examples.migration.MoveOntoHybridDB;
import dev.hybriddb.examples.migration.SqliteAgentTaskStore;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateFromSqliteIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("ex_sqlite");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void movesASqliteFileOntoHybridDB(@TempDir Path dir) {
        Path file = dir.resolve("dash.db");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        MoveOntoHybridDB.Result r;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = MigrateFromSqlite.run(Examples.settings(db), out, file);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(printed).contains("Legacy SQLite store dash.db holds 200 agent tasks").contains("Backfilled 200 tasks")
                .contains("different [task-0199]").contains("consistent now: true").contains("201 tasks read back");
        assertThat(r.driftFound()).isEqualTo(1);
        assertThat(r.consistentAtCutOver()).isTrue();
        assertThat(r.survivedRestart()).isEqualTo(201);
        try (SqliteAgentTaskStore legacy = SqliteAgentTaskStore.open(file)) {   // the file is the rollback point
            assertThat(legacy.all()).hasSize(200);
            assertThat(legacy.get("task-0007")).get().extracting(AgentTask::status).isEqualTo("completed");
            assertThat(legacy.get("task-0200")).isEmpty();                        // written after the cut-over
        }
    }

    @Test
    void sqliteStoreRoundTripsNullsAndUpdates(@TempDir Path dir) {
        try (SqliteAgentTaskStore store = SqliteAgentTaskStore.open(dir.resolve("t.db"))) {
            AgentTask t = new AgentTask("a", "d", "impl", "pending", null, "c", null, null);
            store.put(t);
            assertThat(store.get("a")).contains(t);
            store.put(t.withStatus("completed", 100, "done"));
            assertThat(store.all()).containsExactly(t.withStatus("completed", 100, "done"));
        }
    }
}
