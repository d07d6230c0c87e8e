package dev.hybriddb.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The integrity changesets on a database that already holds data written before them: mixed-case
 * projects are lower-cased where that collides with nothing, the rest is left alone and only new
 * writes are checked, and dependency counts are recomputed.
 */
class IntegrityMigrationIT {
    private PostgresService db;

    @AfterEach
    void drop() {
        if (db != null) {
            TestServices.dropDatabase(db);
        }
    }

    @Test
    void existingRowsAreMigratedOrLeftSafely() throws SQLException {
        db = TestServices.freshDatabase("schema_integrity_upgrade");
        Migrations before = Migrations.using(db.jdbcUrl(), db.adminUser(), db.adminPassword()).withAppRole(db.appUser())
                .withChangelog("db/changelog/before-integrity-master.xml");
        before.update();
        UUID tenant = UUID.randomUUID();
        Object leftPad;
        Object upper;
        Object app;
        try (Connection c = db.openApp()) {
            c.setAutoCommit(false);
            TenantFixture.setTenant(c, tenant);
            execute(c, "INSERT INTO tenants (id, name, slug) VALUES (?, 'Old', ?)", tenant, "old-" + tenant);
            leftPad = insert(c, "INSERT INTO projects (tenant_id, ecosystem, name) VALUES (?, 'NPM', 'Left-Pad') RETURNING id", tenant);
            upper = insert(c, "INSERT INTO projects (tenant_id, ecosystem, name) VALUES (?, 'npm', 'React') RETURNING id", tenant);
            Object lower = insert(c, "INSERT INTO projects (tenant_id, ecosystem, name) VALUES (?, 'npm', 'react') RETURNING id", tenant);
            app = insert(c, "INSERT INTO projects (tenant_id, name, dependency_count) VALUES (?, 'app', 7) RETURNING id", tenant);
            execute(c, "INSERT INTO project_dependencies (tenant_id, from_project_id, to_project_id) VALUES (?, ?, ?), (?, ?, ?)",
                    tenant, app, lower, tenant, app, leftPad);
            c.commit();
        }

        Migrations.using(db.jdbcUrl(), db.adminUser(), db.adminPassword()).withAppRole(db.appUser()).update();

        try (Connection c = db.openApp()) {
            c.setAutoCommit(false);
            TenantFixture.setTenant(c, tenant);
            assertThat(text(c, "SELECT ecosystem || '/' || name FROM projects WHERE id = ?", leftPad)).isEqualTo("npm/left-pad");
            assertThat(text(c, "SELECT name FROM projects WHERE id = ?", upper))
                    .as("its lower-case form is taken: left for the operator").isEqualTo("React");
            assertThat(text(c, "SELECT dependency_count::text FROM projects WHERE id = ?", app)).isEqualTo("2");
            assertThatThrownBy(() -> execute(c, "INSERT INTO projects (tenant_id, name) VALUES (?, 'Vue')", tenant))
                    .as("new writes are checked").isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("23514"));
            c.rollback();
            TenantFixture.setTenant(c, tenant);
            assertThat(text(c, "SELECT convalidated::text FROM pg_constraint WHERE conname = ?", "projects_name_lower_case"))
                    .isEqualTo("false");
            c.rollback();
        }
    }

    private static Object insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static String text(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
