package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuickStartIT {
    static final String GRAPH = "ex_quickstart_" + ProcessHandle.current().pid();
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("ex_quickstart");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestServices.dropDatabase(db);
        FalkorService falkor = TestServices.falkor();
        try (var driver = com.falkordb.FalkorDB.driver(falkor.host(), falkor.port())) {
            driver.graph(GRAPH).deleteGraph();
        }
    }

    @Test
    void runsSeed000WorkflowAgainstBothServices() throws Exception {
        FalkorService falkor = TestServices.falkor();
        ExampleSettings settings = new ExampleSettings(db.jdbcUrl(), db.adminUser(), db.adminPassword(),
                db.appUser(), db.appPassword(), falkor.host(), falkor.port());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        QuickStart.Result result;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            result = QuickStart.run(settings, GRAPH, out);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        // Ada already has an open task, so the least-loaded capable agent is Grace.
        assertThat(result.agentName()).isEqualTo("Grace");
        assertThat(result.status()).isEqualTo("in_progress");
        assertThat(printed)
                .contains("Optimal agent: Grace")
                .contains("Assigned in both stores")
                .contains("PostgreSQL=in_progress, graph=in_progress");
    }
}
