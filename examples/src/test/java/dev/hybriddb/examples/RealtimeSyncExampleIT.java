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

class RealtimeSyncExampleIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("ex_realtime");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void changesReachTheGraphAndSurviveAStoppedConsumer() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ExampleSettings settings = Examples.settings(db);
        RealtimeSyncExample.Result r;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = RealtimeSyncExample.run(settings, out);
        }
        Examples.dropGraphs(settings, r.tenantId());
        String printed = buf.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(r.caughtUpAfterRestart()).isTrue();
        assertThat(r.deletionProjected()).isTrue();
        assertThat(r.appliedWhileRunning()).isPositive();
        assertThat(printed).contains("was in the graph after").contains("Pat's team in the graph: 1 task").contains("the graph still has 1 task(s)")
                .contains("caught up to 4 tasks").contains("removed from the graph: true");
    }
}
