package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuickStartIT {
    static PostgresService db;
    static ExampleSettings settings;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("ex_quickstart");
        settings = Examples.settings(db);
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void runsSeed000WorkflowAgainstBothServices() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        QuickStart.Result result;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            result = QuickStart.run(settings, out);
        }
        Examples.dropGraphs(settings, result.tenantId());
        String printed = buf.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        // Ada already has an open task, so the least-loaded capable agent is Grace.
        assertThat(result.agentName()).isEqualTo("Grace");
        assertThat(result.postgresStatus()).isEqualTo(dev.hybriddb.model.TaskStatus.COMPLETED);
        assertThat(result.graphResult()).isEqualTo(dev.hybriddb.model.ExecutionResult.SUCCESS);
        assertThat(result.graphInStep()).as("the graph holds what PostgreSQL holds").isTrue();
        assertThat(printed)
                .contains("Synced to graph " + GraphNames.forTenant(result.tenantId()))
                .contains("Optimal agent: Grace")
                .contains("Assigned in both stores")
                .contains("PostgreSQL=COMPLETED, graph in step: true");
    }
}
