package dev.hybriddb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate, status, create-migration and doctor on a fresh database, in process. */
class MigrateIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("cli_migrate");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    @Test
    void migrateThenStatusThenDoctor() {
        Map<String, String> env = DoctorIT.env(db);
        CliRun before = CliRun.run(env, "status");
        assertThat(before.status()).isEqualTo(ExitCode.PROBLEMS_FOUND);
        assertThat(before.out()).contains("pending:");

        CliRun migrate = CliRun.run(env, "migrate");
        assertThat(migrate.status()).as(migrate.all()).isEqualTo(ExitCode.OK);
        assertThat(migrate.out()).contains("migrate: applied");

        CliRun after = CliRun.run(env, "status");
        assertThat(after.status()).isEqualTo(ExitCode.OK);
        assertThat(after.out()).contains("up to date");

        CliRun doctor = CliRun.run(env, "doctor");
        assertThat(doctor.status()).as(doctor.all()).isEqualTo(ExitCode.OK);
        assertThat(doctor.out()).contains("row-level security").contains("enabled and forced")
                .contains("[OK  ] migrations").contains("[OK  ] graph falkordb");
        assertThat(doctor.all()).doesNotContain(db.adminPassword() + "@");
    }

    @Test
    void doctorFailsWhenTheGraphIsUnreachable() {
        Map<String, String> env = new HashMap<>(DoctorIT.env(db));
        env.put("HYBRIDDB_FALKOR_PORT", "1");
        CliRun r = CliRun.run(env, "doctor");
        assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS_FOUND);
        assertThat(r.out()).contains("[FAIL] graph falkordb");
    }

    @Test
    void createMigrationWritesASkeletonAndRejectsBadNames(@TempDir Path dir) throws Exception {
        CliRun ok = CliRun.run(Map.of(), "create-migration", "add_new_feature", "--dir", dir.toString());
        assertThat(ok.status()).isEqualTo(ExitCode.OK);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().endsWith("-add_new_feature.sql");
        }
        CliRun bad = CliRun.run(Map.of(), "create-migration", "Bad Name!", "--dir", dir.toString());
        assertThat(bad.status()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("changelog name").doesNotContain("\tat ");
    }

    @Test
    void migrateAgainstAnUnreachableServerExitsWith3() {
        Map<String, String> env = new HashMap<>(DoctorIT.env(db));
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
        CliRun r = CliRun.run(env, "migrate");
        assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(r.err()).doesNotContain("\tat ");
    }
}
