package dev.hybriddb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WalCaptureExampleIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("ex_walcapture");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void changesReachTheGraphFromTheWalAndTheTriggersComeBack() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ExampleSettings settings = Examples.settings(db);
        WalCaptureExample.Result r;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = WalCaptureExample.run(settings, out);
        }
        Examples.dropGraphs(settings, r.tenantId());
        String printed = buf.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(r.projected()).isTrue();
        assertThat(r.appliedFromWal()).isPositive();
        assertThat(r.modeAfter()).isEqualTo(SyncMode.REALTIME);
        assertThat(r.triggersProjected()).as("after switching back, the triggers capture again").isTrue();
        assertThat(printed).contains("Switched to WAL capture (WAL_CAPTURE)").contains("the graph had it after")
                .contains("Switched back to the outbox triggers (REALTIME) and dropped the slot; a new task reached the graph: true");
    }
}
