package dev.hybriddb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Argument handling and exit codes that need no server. */
class CliTest {
    static final Map<String, String> UNREACHABLE = Map.of(
            "DATABASE_URL", "postgresql://127.0.0.1:1/hybriddb?connectTimeout=1",
            "POSTGRES_USER", "app", "POSTGRES_PASSWORD", "s3cret-do-not-print");

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRun r = CliRun.run(Map.of(), "--help");
        assertThat(r.status()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("doctor").contains("Exit codes");
    }

    @Test
    void unknownCommandOrOptionIsAUsageError() {
        assertThat(CliRun.run(Map.of(), "frobnicate").status()).isEqualTo(ExitCode.USAGE);
        CliRun r = CliRun.run(Map.of(), "doctor", "--no-such-option");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--no-such-option");
    }

    @Test
    void badConfigurationIsAUsageErrorWithoutStackTrace() {
        CliRun r = CliRun.run(Map.of("POSTGRES_PORT", "not-a-port", "POSTGRES_USER", "app"), "doctor");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("POSTGRES_PORT").doesNotContain("\tat ");
        CliRun g = CliRun.run(Map.of("POSTGRES_USER", "app"), "doctor", "--graph", "neo4j");
        assertThat(g.status()).isEqualTo(ExitCode.USAGE);
        assertThat(g.err()).contains("falkordb, age or none");
    }

    @Test
    void optionsCompleteTheEnvironmentBeforeItIsValidated() {
        CliRun r = CliRun.run(Map.of("POSTGRES_PASSWORD", "s3cret-do-not-print"), "status",
                "--url", "jdbc:postgresql://127.0.0.1:1/hybriddb?connectTimeout=1", "--user", "app");
        assertThat(r.status()).isEqualTo(ExitCode.UNAVAILABLE);           // got as far as connecting
        assertThat(r.err()).doesNotContain("POSTGRES_USER");
        CliRun missing = CliRun.run(Map.of(), "status", "--url", "jdbc:postgresql://127.0.0.1:1/hybriddb");
        assertThat(missing.status()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("POSTGRES_USER");
    }

    @Test
    void unreachablePostgresExitsWith3AndNeverPrintsThePassword() {
        CliRun r = CliRun.run(UNREACHABLE, "doctor");
        assertThat(r.status()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(r.err()).contains("cannot connect to PostgreSQL").doesNotContain("\tat ");
        assertThat(r.all()).doesNotContain("s3cret-do-not-print");
    }

    @Test
    void captureListsItsSubcommandsAndNeedsTheOwnerRole() {
        CliRun help = CliRun.run(Map.of(), "capture", "--help");
        assertThat(help.status()).isEqualTo(ExitCode.OK);
        assertThat(help.out()).contains("status").contains("wal").contains("triggers");
        assertThat(CliRun.run(Map.of(), "capture", "triggers", "--help").out()).contains("--drop-slot").contains("LOST");
        CliRun r = CliRun.run(UNREACHABLE, "capture", "status");
        assertThat(r.status()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("HYBRIDDB_MIGRATION_USER").doesNotContain("\tat ");
    }
}
