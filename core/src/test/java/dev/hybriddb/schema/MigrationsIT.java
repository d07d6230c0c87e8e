package dev.hybriddb.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MigrationsIT {
    private PostgresService db;
    private Migrations migrations;

    /** A fresh database for the test (only the tests that need one create it). */
    private void freshDatabase() {
        db = TestServices.freshDatabase("schema_mig");
        migrations = Migrations.using(db.jdbcUrl(), db.adminUser(), db.adminPassword()).withAppRole(db.appUser());
    }

    @AfterEach
    void drop() {
        if (db != null) {
            TestServices.dropDatabase(db);
        }
    }

    @Test
    void migratesFromEmptyThenIdempotently() throws SQLException {
        freshDatabase();
        MigrationStatus before = migrations.status();
        assertThat(before.applied()).isEmpty();
        assertThat(before.isUpToDate()).isFalse();
        assertThat(before.pending()).extracting(ChangeSetRef::id)
                .contains("0000-extensions", "0010-tenants", "0499-tag-v0.1.0");
        assertThat(before.lastTag()).isEmpty();
        assertThat(strings("SELECT coalesce(to_regclass('databasechangelog')::text, 'none')"))
                .as("status only reads").containsExactly("none");

        migrations.update();

        MigrationStatus after = migrations.status();
        assertThat(after.isUpToDate()).isTrue();
        assertThat(after.pendingCount()).isZero();
        assertThat(after.applied()).hasSize(before.pendingCount());
        assertThat(after.applied()).extracting(ChangeSetRef::id).containsExactlyElementsOf(
                before.pending().stream().map(ChangeSetRef::id).toList());
        assertThat(tables()).contains("tenants", "users", "tasks", "agents", "agent_tasks", "contributions");

        migrations.update();
        MigrationStatus again = migrations.status();
        assertThat(again.pendingCount()).isZero();
        assertThat(again.applied()).hasSameSizeAs(after.applied());
    }

    @Test
    void baselineIsTaggedAndRollbackToItKeepsTheBaseline() throws SQLException {
        freshDatabase();
        migrations.update();
        MigrationStatus after = migrations.status();
        assertThat(after.applied()).extracting(ChangeSetRef::id).contains("0499-tag-v0.1.0");
        assertThat(tagOf("0499-tag-v0.1.0")).isEqualTo(Migrations.BASELINE_TAG);

        migrations.rollbackTo(Migrations.BASELINE_TAG);
        MigrationStatus rolledBack = migrations.status();
        // Liquibase rolls back the tagDatabase changeset too: the baseline stays, the tag is pending again.
        assertThat(rolledBack.pending()).first().extracting(ChangeSetRef::id).isEqualTo("0499-tag-v0.1.0");
        assertThat(rolledBack.applied()).last().extracting(ChangeSetRef::id).isEqualTo("0100-event-stats-24h");
        assertThat(tables()).contains("tenants", "tasks", "agent_tasks");

        migrations.update();
        MigrationStatus again = migrations.status();
        assertThat(again.isUpToDate()).isTrue();
        assertThat(again.applied()).hasSameSizeAs(after.applied());
        assertThat(tagOf("0499-tag-v0.1.0")).isEqualTo(Migrations.BASELINE_TAG);

        migrations.tag("it-mark");
        assertThat(migrations.status().lastTag()).contains("it-mark");
        migrations.rollbackTo("it-mark");
        migrations.update();
        assertThat(migrations.status().isUpToDate()).isTrue();
        assertThat(tables()).contains("tenants", "tasks");

        assertThatThrownBy(() -> migrations.rollbackTo("no-such-tag"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("no-such-tag");
        assertThatThrownBy(() -> migrations.tag("bad tag; drop")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyChangesetRollsBackAndReapplies() throws SQLException {
        freshDatabase();
        Migrations tagged = migrations.withChangelog("db/changelog/rollback-test-master.xml");
        tagged.update();
        assertThat(tables()).contains("tenants", "agents");

        tagged.rollbackTo("it-empty");
        assertThat(tables()).as("rollback removes every table").isEmpty();
        assertThat(types()).as("rollback removes every enum").isEmpty();
        assertThat(tagged.status().pendingCount()).isPositive();

        tagged.update();
        assertThat(tagged.status().isUpToDate()).isTrue();
        assertThat(tables()).contains("tenants", "agents");
    }

    @Test
    void runsOnADataSourceWithOtherParameters() throws SQLException {
        freshDatabase();
        String role = "it_app_" + Long.toHexString(System.nanoTime());
        try (Connection c = db.openAdmin(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " NOLOGIN NOBYPASSRLS");
        }
        try {
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setUrl(db.jdbcUrl());
            ds.setUser(db.adminUser());
            ds.setPassword(db.adminPassword());
            Migrations custom = Migrations.on(ds).withAppRole(role).withEmbeddingDimensions(768);
            custom.update();
            assertThat(custom.status().isUpToDate()).isTrue();
            assertThat(strings("SELECT has_table_privilege('" + role + "', 'tasks', 'SELECT, INSERT, UPDATE, DELETE')"
                    + " AND NOT has_table_privilege('" + db.appUser() + "', 'tasks', 'SELECT')")).containsExactly("t");
            assertThat(strings("SELECT DISTINCT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                    + " JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 'public'::regnamespace"
                    + " AND a.atttypid = 'vector'::regtype AND c.relkind = 'r'"))
                    .allSatisfy(type -> assertThat(type).isEqualTo("vector(768)"));
        } finally {
            TestServices.dropDatabase(db);
            db = null;
            try (Connection c = TestServices.postgres().openAdmin(); Statement st = c.createStatement()) {
                st.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void wrongPasswordIsAClearErrorWithoutThePassword() {
        PostgresService shared = TestServices.postgres();
        Migrations wrong = Migrations.using(shared.jdbcUrl(), shared.adminUser(), "not-the-password-42");
        assertThatThrownBy(wrong::update)
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("update")
                .hasMessageNotContaining("not-the-password-42");
    }

    @Test
    void printsNothingToStdout() throws Exception {
        freshDatabase();
        // A child JVM, so that the check owns a real stdout (swapping System.out here would also
        // swap the test runner's own channel).
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), QuietMigrationsMain.class.getName(),
                db.jdbcUrl(), db.adminUser(), db.adminPassword(), db.appUser())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stdout = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(stdout).isEmpty();
        assertThat(migrations.status().isUpToDate()).isTrue();
    }

    @Test
    void appRoleParameterIsRequiredToBeAnIdentifier() {
        Migrations m = Migrations.using("jdbc:postgresql://127.0.0.1:1/none", "u", "p");
        assertThatThrownBy(() -> m.withAppRole("x; DROP TABLE tenants")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.withEmbeddingDimensions(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.withParameter("app_role", "a b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(m.withEmbeddingDimensions(768).toString()).contains("embedding_dimensions=768");
    }

    private List<String> tables() throws SQLException {
        return strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'databasechangelog%' ORDER BY 1");
    }

    private String tagOf(String changeSetId) throws SQLException {
        List<String> tags = strings("SELECT coalesce(tag, '') FROM databasechangelog WHERE id = '" + changeSetId + "'");
        return tags.isEmpty() ? null : tags.get(0);
    }

    private List<String> types() throws SQLException {
        return strings("SELECT t.typname FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype = 'e' ORDER BY 1");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.openAdmin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
