package dev.hybriddb.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
    void wrongPasswordIsAClearErrorWithoutThePassword() {
        PostgresService shared = TestServices.postgres();
        Migrations wrong = Migrations.using(shared.jdbcUrl(), shared.adminUser(), "not-the-password-42");
        assertThatThrownBy(wrong::update)
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("update")
                .hasMessageNotContaining("not-the-password-42");
    }

    @Test
    void printsNothingToStdout() {
        freshDatabase();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            migrations.status();
            migrations.update();
            migrations.status();
            migrations.tag("quiet");
            migrations.rollbackTo("quiet");
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
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
