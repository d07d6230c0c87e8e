package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskDependencyPlanningIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("ex_planning");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void plansInWavesFromTheGraph() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ExampleSettings settings = Examples.settings(db);
        TaskDependencyPlanning.Result r;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = TaskDependencyPlanning.run(settings, out);
        }
        Examples.dropGraphs(settings, r.tenantId());
        System.out.println(buf.toString(StandardCharsets.UTF_8));
        assertThat(r.releaseBlockedBy()).containsExactlyInAnyOrder("test", "write docs", "implement", "design");
        assertThat(r.sqlAgrees()).isTrue();
        assertThat(r.waves()).containsExactly(List.of("design"), List.of("implement", "write docs"), List.of("test"), List.of("release"));
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("can start: false").contains("Wave 4: [release]");
    }
}
