package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.examples.migration.MigrateFromInMemory;
import dev.hybriddb.examples.migration.MoveOntoHybridDB;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MigrateFromInMemoryIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("ex_migrate");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void backfillDualWriteCheckAndCutOver() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        MoveOntoHybridDB.Result r;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = MigrateFromInMemory.run(Examples.settings(db), out);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(r.driftFound()).isEqualTo(1);          // the forgotten write path
        assertThat(r.consistentAtCutOver()).isTrue();
        assertThat(r.tasks()).isEqualTo(200);             // the legacy store stopped at the cut-over
        assertThat(r.survivedRestart()).isEqualTo(201);
        assertThat(printed).contains("Backfilled 200 tasks").contains("different [task-0199]")
                .contains("consistent now: true").contains("Reads from PostgreSQL at 100%").contains("201 tasks read back");
    }
}
