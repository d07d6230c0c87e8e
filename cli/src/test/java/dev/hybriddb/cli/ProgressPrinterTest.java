package dev.hybriddb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.cli.internal.ProgressPrinter;
import dev.hybriddb.sync.SyncProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A bar redrawn in place on a terminal, plain lines otherwise. */
class ProgressPrinterTest {
    static final UUID T = UUID.randomUUID();

    static String run(boolean terminal) {
        StringWriter buf = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(buf, true), terminal);
        p.onProgress(new SyncProgress(T, "g", SyncProgress.Phase.NODES, "Agent", 50, 100));
        p.onProgress(new SyncProgress(T, "g", SyncProgress.Phase.NODES, "Agent", 100, 100));
        p.onProgress(new SyncProgress(T, "g", SyncProgress.Phase.EDGES, "(Agent)-[MANAGES]->(Agent)", 7, -1));
        p.onProgress(new SyncProgress(T, "g", SyncProgress.Phase.DONE, null, 0, 0));
        return buf.toString();
    }

    @Test
    void terminalGetsABarRedrawnInPlace() {
        String out = run(true);
        assertThat(out).contains("\r").contains("[###############...............]  50%").contains("100%");
    }

    @Test
    void pipesGetOnePlainLinePerStep() {
        String out = run(false);
        assertThat(out).doesNotContain("\r").doesNotContain("[#");
        assertThat(out.lines()).containsExactly("sync: NODES Agent                              100",
                "sync: EDGES (Agent)-[MANAGES]->(Agent)         7");
    }
}
