package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SemanticMemoryRagIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("ex_rag");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void searchesRecallsAndPacksContextByMeaning() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SemanticMemoryRag.Result r;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = SemanticMemoryRag.run(Examples.settings(db), out);
        }
        System.out.println(buf.toString(StandardCharsets.UTF_8));
        assertThat(r.topDocument()).contains("restore a backup");
        assertThat(r.topRunbook()).contains("graph is down");
        assertThat(r.recalled()).contains("Postgres");
        assertThat(r.ragSources()).isNotEmpty();
        assertThat(r.ragSources().get(0)).contains("restore a backup");
        assertThat(r.messages()).isEqualTo(2);
        assertThat(r.answered().answer()).startsWith("To restore a backup");
        assertThat(r.answered().model()).isEqualTo("extractive-1");
        assertThat(r.answered().sources()).isNotEmpty().first().satisfies(c -> assertThat(c.rank()).isOne());
        assertThat(r.history()).hasSize(2).first().isEqualTo(r.answered());
        assertThat(r.history().get(1).answer()).contains("graph is down");
    }
}
