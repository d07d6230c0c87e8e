package dev.hybriddb.bench;

import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.PrintStream;

/**
 * What a scenario needs: the sizes to run, a place to report progress, and the real services
 * (the environment of {@code scripts/services env}, resolved by the test-support module).
 */
public final class BenchContext {
    private final Profile profile;
    private final PrintStream log;
    private final String runId = Long.toString(ProcessHandle.current().pid());

    public BenchContext(Profile profile, PrintStream log) {
        this.profile = profile;
        this.log = log;
    }

    public Profile profile() { return profile; }

    /** A new empty database (vector, age, pg_trgm, pgcrypto) for one scenario; drop it when done. */
    public PostgresService freshDatabase(String prefix) {
        return TestServices.freshDatabase(prefix);
    }

    public void dropDatabase(PostgresService db) {
        TestServices.dropDatabase(db);
    }

    public FalkorService falkor() {
        return TestServices.falkor();
    }

    /** A graph name unique to this run. */
    public String graphName(String purpose) {
        return "bench_" + purpose + "_" + runId;
    }

    public void log(String format, Object... args) {
        log.printf("  .. " + format + "%n", args);
        log.flush();
    }
}
