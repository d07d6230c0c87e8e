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
                .contains("obeys RLS").contains("app role owns nothing")
                .containsPattern("\\[OK  \\] AGE graph isolation +the application role can neither use ag_catalog nor any graph schema");
        assertThat(r.all()).doesNotContain(db.appPassword().length() > 3 ? "password=" + db.appPassword() : "password=");
    }

    /** The variables {@code scripts/services env} prints are the library's and the CLI's own configuration. */
    @Test
    void warnsUntilTrigramOperatorsAreLeakproof() throws Exception {
        PostgresService other = TestServices.freshDatabase("cli_doctor_trgm");
        try {
            CliRun before = CliRun.run(env(other), "doctor");
            boolean marked = before.out().contains("[OK  ] trigram search indexes");
            if (!marked) {
                assertThat(before.out()).contains("[WARN] trigram search indexes").contains("trigram-leakproof.sql");
                String superUser = TestServices.requireEnv("HYBRIDDB_SUPERUSER", "to mark pg_trgm's operators LEAKPROOF");
                try (Connection c = java.sql.DriverManager.getConnection(other.jdbcUrl(), superUser,
                        System.getenv().getOrDefault("HYBRIDDB_SUPERUSER_PASSWORD", ""));
                        Statement st = c.createStatement()) {
                    st.execute(dev.hybriddb.schema.TrigramOperators.LEAKPROOF_SQL);
                }
            }
            assertThat(CliRun.run(env(other), "doctor").out()).contains("[OK  ] trigram search indexes");
        } finally {
            TestServices.dropDatabase(other);
        }
    }

    @Test
    void theServicesScriptEnvironmentConfiguresTheCli() throws Exception {
        String script = TestServices.requireEnv("HYBRIDDB_SERVICES", "to print the services' environment");
        Process p = new ProcessBuilder("bash", script, "env").redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        Map<String, String> env = new java.util.HashMap<>();
        for (String line : printed.split("\n")) {
            if (line.startsWith("export ") && line.contains("=")) {
                String kv = line.substring("export ".length());
                env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        assertThat(env).containsKeys("DATABASE_URL", "POSTGRES_USER", "POSTGRES_PASSWORD", "HYBRIDDB_MIGRATION_USER",
                "HYBRIDDB_MIGRATION_PASSWORD", "HYBRIDDB_FALKOR_HOST", "HYBRIDDB_FALKOR_PORT");
        PostgresService fresh = TestServices.freshDatabase("cli_doctor_env");
        try {
            env.put("DATABASE_URL", fresh.jdbcUrl());            // the same server, a database of this test's own
            assertThat(CliRun.run(env, "migrate").status()).isEqualTo(ExitCode.OK);
            CliRun r = CliRun.run(env, "doctor");
            assertThat(r.status()).as(r.all()).isEqualTo(ExitCode.OK);
            assertThat(r.out()).contains("doctor: all checks passed");
        } finally {
            TestServices.dropDatabase(fresh);
        }
    }

    @Test
    void reportsTheManualCaptureMode() throws Exception {
        PostgresService other = TestServices.freshDatabase("cli_doctor_manual");
        try {
            assertThat(CliRun.run(env(other), "migrate").status()).isEqualTo(ExitCode.OK);
            try (Connection c = other.openAdmin(); Statement st = c.createStatement()) {
                st.execute("SELECT hybriddb_capture_use('manual')");
            }
            CliRun r = CliRun.run(env(other), "doctor");
            assertThat(r.out()).contains("[OK  ] change capture").contains("manual (nothing captured");
        } finally {
            TestServices.dropDatabase(other);
        }
    }

    @Test
    void failsWhenTheApplicationRoleOwnsATable() throws Exception {
        PostgresService other = TestServices.freshDatabase("cli_doctor_owner");
        try {
            try (Connection c = other.openAdmin(); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA app_stuff");
                st.execute("GRANT USAGE, CREATE ON SCHEMA app_stuff TO " + other.appUser());
            }
            try (Connection c = other.openApp(); Statement st = c.createStatement()) {
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
    void failsWhenTheApplicationRoleCanUseAnAgeGraph() throws Exception {
        PostgresService other = TestServices.freshDatabase("cli_doctor_age");
        try {
            try (Connection c = other.openAdmin(); Statement st = c.createStatement()) {
                st.execute("SELECT ag_catalog.create_graph('t_open')");
                st.execute("GRANT USAGE ON SCHEMA t_open TO " + other.appUser());
            }
            Map<String, String> env = new java.util.HashMap<>(env(other));
            env.put("HYBRIDDB_GRAPH", "age");
            CliRun r = CliRun.run(env, "doctor");
            assertThat(r.status()).isEqualTo(ExitCode.PROBLEMS_FOUND);
            assertThat(r.out()).containsPattern("\\[FAIL\\] AGE graph isolation +the application role can use 1 graph schema");
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
