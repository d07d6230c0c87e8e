package dev.hybriddb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DoctorIT {
    static PostgresService db;

    @BeforeAll
    static void createDatabase() {
        db = TestServices.freshDatabase("cli_doctor");
    }

    @AfterAll
    static void dropDatabase() {
        TestServices.dropDatabase(db);
    }

    static Map<String, String> env(PostgresService db) {
        var falkor = TestServices.falkor();
        return Map.of("DATABASE_URL", db.jdbcUrl(), "POSTGRES_USER", db.appUser(), "POSTGRES_PASSWORD", db.appPassword(),
                "HYBRIDDB_MIGRATION_USER", db.adminUser(), "HYBRIDDB_MIGRATION_PASSWORD", db.adminPassword(),
                "HYBRIDDB_FALKOR_HOST", falkor.host(), "HYBRIDDB_FALKOR_PORT", Integer.toString(falkor.port()));
    }

    @Test
    void reportsExtensionsAndTheApplicationRole() {
        CliRun r = CliRun.run(env(db), "doctor");
        assertThat(r.out()).contains("[OK  ] extension vector").contains("extension age")
                .contains("obeys RLS").contains("app role owns nothing");
        assertThat(r.all()).doesNotContain(db.appPassword().length() > 3 ? "password=" + db.appPassword() : "password=");
    }

    @Test
    void failsWhenTheApplicationRoleOwnsATable() throws Exception {
        PostgresService other = TestServices.freshDatabase("cli_doctor_owner");
        try {
            try (Connection c = other.openApp(); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA app_stuff");
                st.execute("CREATE TABLE app_stuff.app_owned (id int)");
            }
            CliRun r = CliRun.run(env(other), "doctor");
            assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS_FOUND);
            assertThat(r.out()).contains("[FAIL] app role owns nothing").contains("app_owned");
        } finally {
            TestServices.dropDatabase(other);
        }
    }

    @Test
    void failsWhenTheApplicationRoleCanCreateOrHasRoleSettingsUntilMigrated() throws Exception {
        PostgresService other = TestServices.freshDatabase("cli_doctor_rights");
        try {
            try (Connection c = other.openAdmin(); Statement st = c.createStatement()) {
                st.execute("GRANT CREATE, TEMPORARY ON DATABASE " + other.database() + " TO " + other.appUser());
            }
            try (Connection c = other.openApp(); Statement st = c.createStatement()) {
                st.execute("ALTER ROLE CURRENT_USER IN DATABASE " + other.database() + " SET work_mem = '1MB'");
            }
            CliRun r = CliRun.run(env(other), "doctor");
            assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS_FOUND);
            assertThat(r.out()).contains("[FAIL] app role creates nothing").contains("CREATE on the database")
                    .contains("TEMPORARY on the database").contains("[FAIL] app role has no role settings").contains("work_mem");
            try (Connection c = other.openAdmin(); Statement st = c.createStatement()) {
                st.execute("ALTER ROLE " + other.appUser() + " IN DATABASE " + other.database() + " RESET ALL");
            }
            assertThat(CliRun.run(env(other), "migrate").status()).isEqualTo(ExitCode.OK);
            CliRun after = CliRun.run(env(other), "doctor");
            assertThat(after.out()).contains("[OK  ] app role creates nothing").contains("[OK  ] app role has no role settings");
        } finally {
            TestServices.dropDatabase(other);
        }
    }
}
