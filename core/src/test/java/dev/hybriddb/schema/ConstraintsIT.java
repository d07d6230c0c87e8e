package dev.hybriddb.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Constraints and triggers of the baseline, exercised as the application role inside tenant A. */
class ConstraintsIT {
    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static PostgresService db;
    private static TenantFixture a;
    private static TenantFixture b;
    private Connection app;

    @BeforeAll
    static void migrateAndSeed() throws SQLException {
        db = TestServices.freshDatabase("schema_constraints");
        Migrations.using(db.jdbcUrl(), db.adminUser(), db.adminPassword()).withAppRole(db.appUser()).update();
        try (Connection c = db.openApp()) {
            a = TenantFixture.create(c, "constraints-a");
            b = TenantFixture.create(c, "constraints-b");
        }
    }

    @AfterAll
    static void drop() {
        TestServices.dropDatabase(db);
    }

    @BeforeEach
    void openInTenantA() throws SQLException {
        app = db.openApp();
        app.setAutoCommit(false);
        TenantFixture.setTenant(app, a.tenantId);
    }

    @AfterEach
    void close() throws SQLException {
        app.rollback();
        app.close();
    }

    @Test
    void taskDependenciesRefuseSelfEdgesAndDuplicates() throws SQLException {
        Object task = a.id("tasks");
        Object blocker = a.id("tasks#2");
        assertThat(sqlState("INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) VALUES (?, ?, ?)",
                a.tenantId, task, task)).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlState("INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) VALUES (?, ?, ?)",
                a.tenantId, task, blocker)).isEqualTo(UNIQUE_VIOLATION);
        assertThat(sqlState("INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) VALUES (?, ?, ?)",
                a.tenantId, blocker, task)).as("the reverse edge is a different edge").isEqualTo("ok");
    }

    @Test
    void projectDependenciesRefuseSelfEdgesAndDuplicates() throws SQLException {
        Object project = a.id("projects");
        Object lib = a.id("projects#2");
        assertThat(sqlState("INSERT INTO project_dependencies (tenant_id, from_project_id, to_project_id) VALUES (?, ?, ?)",
                a.tenantId, project, project)).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlState("INSERT INTO project_dependencies (tenant_id, from_project_id, to_project_id) VALUES (?, ?, ?)",
                a.tenantId, project, lib)).isEqualTo(UNIQUE_VIOLATION);
        assertThat(sqlState("INSERT INTO projects (tenant_id, ecosystem, name) VALUES (?, 'npm', 'react')", a.tenantId))
                .as("(ecosystem, name) is unique per tenant").isEqualTo(UNIQUE_VIOLATION);
    }

    @Test
    void budgetsCannotBeOverspent() throws SQLException {
        Object budget = a.id("budgets");
        assertThat(sqlState("UPDATE budgets SET consumed = consumed + 60 WHERE id = ?", budget)).isEqualTo("ok");
        assertThat(sqlState("UPDATE budgets SET consumed = consumed + 41 WHERE id = ?", budget)).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlState("UPDATE budgets SET consumed = consumed + 40 WHERE id = ?", budget)).isEqualTo("ok");
        assertThat(sqlState("UPDATE budgets SET consumed_tokens = 1001 WHERE id = ?", budget)).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlState("UPDATE budgets SET currency = 'usd' WHERE id = ?", budget)).isEqualTo(CHECK_VIOLATION);
    }

    @Test
    void rowsCannotReferenceAnotherTenantsRows() throws SQLException {
        assertThat(sqlState("UPDATE tasks SET assigned_agent_id = ? WHERE id = ?", b.id("agents#2"), a.id("tasks")))
                .isEqualTo(FOREIGN_KEY_VIOLATION);
        assertThat(sqlState("INSERT INTO contributions (tenant_id, contributor_id, asset_id, cost_amount, coherence_score)"
                + " VALUES (?, ?, ?, 1, 0.5)", a.tenantId, a.id("contributors"), b.id("assets"))).isEqualTo(FOREIGN_KEY_VIOLATION);
        assertThat(sqlState("UPDATE agents SET manager_id = id WHERE id = ?", a.id("agents"))).isEqualTo(CHECK_VIOLATION);
    }

    @Test
    void memoriesCannotUseAnotherTenantsBank() throws SQLException {
        Object bank = insert("INSERT INTO memory_banks (tenant_id, name) VALUES (?, 'ada') RETURNING id", a.tenantId);
        String memory = "INSERT INTO memories (tenant_id, memory_bank_id, content, embedding)"
                + " VALUES (?, ?, 'x', array_fill(0.1::real, ARRAY[384])::vector)";
        assertThat(sqlState(memory, a.tenantId, bank)).isEqualTo("ok");
        TenantFixture.setTenant(app, b.tenantId);
        assertThat(sqlState(memory, b.tenantId, bank)).as("foreign keys do not see RLS: the key carries the tenant")
                .isEqualTo(FOREIGN_KEY_VIOLATION);
    }

    @Test
    void auditLogsAreAppendOnly() throws SQLException {
        Object entry = insert("INSERT INTO audit_logs (tenant_id, action) VALUES (?, 'task.created') RETURNING id", a.tenantId);
        assertThat(sqlState("UPDATE audit_logs SET action = 'rewritten' WHERE id = ?", entry)).isEqualTo(INSUFFICIENT_PRIVILEGE);
        assertThat(sqlState("DELETE FROM audit_logs WHERE id = ?", entry)).isEqualTo(INSUFFICIENT_PRIVILEGE);
        app.commit();
        try (Connection owner = db.openAdmin()) {
            owner.setAutoCommit(false);
            TenantFixture.setTenant(owner, a.tenantId);
            try (PreparedStatement ps = owner.prepareStatement("UPDATE audit_logs SET action = 'rewritten' WHERE id = ?")) {
                ps.setObject(1, entry);
                assertThatThrownBy(ps::executeUpdate).as("not even the owner rewrites an entry")
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE))
                        .hasMessageContaining("append-only");
            }
            owner.rollback();
            TenantFixture.setTenant(owner, a.tenantId);
            try (PreparedStatement ps = owner.prepareStatement("DELETE FROM audit_logs WHERE id = ?")) {
                ps.setObject(1, entry);
                assertThat(ps.executeUpdate()).as("the owner may delete for retention").isEqualTo(1);
            }
            owner.rollback();
        }
        TenantFixture.setTenant(app, a.tenantId);
    }

    @Test
    void contributionsKeepTheAssetTotalCost() throws SQLException {
        Object asset = a.id("assets");
        Object contributor = a.id("contributors");
        assertThat(totalCost(asset)).isEqualByComparingTo("10.00");

        Object second = insertContribution(contributor, asset, "5.50");
        assertThat(totalCost(asset)).isEqualByComparingTo("15.50");

        Object other = insert("INSERT INTO assets (tenant_id, name, asset_type) VALUES (?, 'Other', 'code') RETURNING id", a.tenantId);
        insert("INSERT INTO contributions (tenant_id, contributor_id, asset_id, cost_amount, coherence_score, corrects_id)"
                + " VALUES (?, ?, ?, 2, 0.8, ?) RETURNING id", a.tenantId, contributor, other, second);
        assertThat(totalCost(asset)).as("the corrected amount left the asset").isEqualByComparingTo("10.00");
        assertThat(totalCost(other)).isEqualByComparingTo("2.00");
        assertThat(sqlState("INSERT INTO contributions (tenant_id, contributor_id, asset_id, cost_amount, coherence_score)"
                + " VALUES (?, ?, ?, -1, 0.5)", a.tenantId, contributor, asset)).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlState("INSERT INTO contributions (tenant_id, contributor_id, asset_id, cost_amount, coherence_score)"
                + " VALUES (?, ?, ?, 1, 1.5)", a.tenantId, contributor, asset)).isEqualTo(CHECK_VIOLATION);
    }

    @Test
    void agentTasksCheckDirectionAndProgressAndIndexTheAttentionQueue() throws SQLException {
        String insert = "INSERT INTO agent_tasks (id, tenant_id, direction, task_type, model, command, progress_pct, status)"
                + " VALUES (?, ?, ?, 'spec', 'm', 'c', ?, ?::agent_task_status)";
        assertThat(sqlState(insert, "t-blank", a.tenantId, "   ", 0, "pending")).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlState(insert, "t-progress", a.tenantId, "go", 101, "pending")).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlState(insert, "t-decide", a.tenantId, "go", 50, "needs_decision")).isEqualTo("ok");
        assertThat(query("SELECT pg_get_indexdef('agent_tasks_attention_idx'::regclass)"))
                .contains("WHERE (status = ANY (ARRAY['needs_decision'::agent_task_status, 'failed'::agent_task_status]))");
    }

    @Test
    void updatedAtFollowsUpdates() throws SQLException {
        app.commit();
        TenantFixture.setTenant(app, a.tenantId);
        String before = query("SELECT updated_at::text FROM swarms WHERE id = '" + a.id("swarms") + "'");
        execute("UPDATE swarms SET name = 'Renamed' WHERE id = ?", a.id("swarms"));
        String after = query("SELECT updated_at::text FROM swarms WHERE id = '" + a.id("swarms") + "'");
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void everyForeignKeyOfTheBaselineIsIndexed() throws SQLException {
        // For each foreign key, its referencing columns other than tenant_id must lead some index of the table
        // (tenant_id itself leads the (tenant_id, ...) indexes and unique keys).
        String sql = "SELECT con.conrelid::regclass::text || '.' || con.conname FROM pg_constraint con"
                + " WHERE con.contype = 'f' AND con.connamespace = current_schema()::regnamespace"
                + " AND con.conrelid::regclass::text = ANY (?)"
                + " AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = con.conrelid AND i.indkey[0] = ANY ("
                + "   SELECT k FROM unnest(con.conkey) k WHERE k <> (SELECT attnum FROM pg_attribute"
                + "     WHERE attrelid = con.conrelid AND attname = 'tenant_id')"
                + "   UNION ALL SELECT con.conkey[1] WHERE array_length(con.conkey, 1) = 1))";
        String[] baseline = a.ids.keySet().stream().map(k -> k.replaceAll("#\\d+$", "")).distinct().toArray(String[]::new);
        try (PreparedStatement ps = app.prepareStatement(sql)) {
            ps.setArray(1, app.createArrayOf("text", baseline));
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder unindexed = new StringBuilder();
                while (rs.next()) {
                    unindexed.append(rs.getString(1)).append(' ');
                }
                assertThat(unindexed.toString()).as("foreign keys without an index").isEmpty();
            }
        }
    }

    private BigDecimal totalCost(Object asset) throws SQLException {
        try (PreparedStatement ps = app.prepareStatement("SELECT total_cost FROM assets WHERE id = ?")) {
            ps.setObject(1, asset);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    private Object insertContribution(Object contributor, Object asset, String amount) throws SQLException {
        return insert("INSERT INTO contributions (tenant_id, contributor_id, asset_id, cost_amount, coherence_score)"
                + " VALUES (?, ?, ?, ?::numeric, 0.8) RETURNING id", a.tenantId, contributor, asset, amount);
    }

    private Object insert(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private void execute(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params)) {
            ps.executeUpdate();
        }
    }

    private String query(String sql) throws SQLException {
        try (PreparedStatement ps = app.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String sqlState(String sql, Object... params) throws SQLException {
        var savepoint = app.setSavepoint();
        try (PreparedStatement ps = prepare(sql, params)) {
            ps.executeUpdate();
            app.releaseSavepoint(savepoint);
            return "ok";
        } catch (SQLException e) {
            app.rollback(savepoint);
            return e.getSQLState();
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = app.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
