package dev.hybriddb.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One tenant with at least one row in every table of the relational baseline, written in one
 * transaction with the tenant setting (row-level security is forced, also for the owner role).
 */
final class TenantFixture {
    final UUID tenantId;
    /** table name -> id of the row written there (for tables with a uuid id). */
    final Map<String, Object> ids = new LinkedHashMap<>();

    private TenantFixture(UUID tenantId) {
        this.tenantId = tenantId;
    }

    static TenantFixture create(Connection c, String slug) throws SQLException {
        TenantFixture f = new TenantFixture(UUID.randomUUID());
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            setTenant(c, f.tenantId);
            f.write(c, slug);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return f;
    }

    static void setTenant(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('hybriddb.tenant_id', ?, true)")) {
            ps.setString(1, tenant == null ? "" : tenant.toString());
            ps.execute();
        }
    }

    Object id(String table) {
        return ids.get(table);
    }

    private void write(Connection c, String slug) throws SQLException {
        UUID t = tenantId;
        insert(c, "tenants", "INSERT INTO tenants (id, name, slug, type) VALUES (?, ?, ?, 'enterprise') RETURNING id",
                t, "Tenant " + slug, slug);
        Object user = insert(c, "users", "INSERT INTO users (tenant_id, name, email) VALUES (?, 'Ada', ?) RETURNING id", t, slug + "@example.com");
        insert(c, "guests", "INSERT INTO guests (tenant_id, name) VALUES (?, 'Visitor') RETURNING id", t);
        Object team = insert(c, "teams", "INSERT INTO teams (tenant_id, name, owner_id) VALUES (?, 'Core team', ?) RETURNING id", t, user);
        insert(c, "team_members", "INSERT INTO team_members (tenant_id, team_id, user_id) VALUES (?, ?, ?) RETURNING id", t, team, user);
        Object app = insert(c, "apps", "INSERT INTO apps (tenant_id, name, user_id, team_id) VALUES (?, 'Portal', ?, ?) RETURNING id", t, user, team);
        Object board = insert(c, "kanban_boards",
                "INSERT INTO kanban_boards (tenant_id, name, user_id, team_id, app_id) VALUES (?, 'Sprint', ?, ?, ?) RETURNING id", t, user, team, app);
        Object state = insert(c, "task_states", "INSERT INTO task_states (tenant_id, board_id, name) VALUES (?, ?, 'Todo') RETURNING id", t, board);
        Object project = insert(c, "projects", "INSERT INTO projects (tenant_id, ecosystem, name, description) VALUES (?, 'npm', 'react', 'UI library') RETURNING id", t);
        Object lib = insert(c, "projects#2", "INSERT INTO projects (tenant_id, ecosystem, name) VALUES (?, 'npm', 'scheduler') RETURNING id", t);
        insert(c, "project_dependencies",
                "INSERT INTO project_dependencies (tenant_id, from_project_id, to_project_id) VALUES (?, ?, ?) RETURNING id", t, project, lib);
        Object swarm = insert(c, "swarms", "INSERT INTO swarms (tenant_id, name) VALUES (?, 'Swarm') RETURNING id", t);
        Object pm = insert(c, "agents",
                "INSERT INTO agents (tenant_id, swarm_id, name, role, status) VALUES (?, ?, 'PM', 'project_manager', 'active') RETURNING id", t, swarm);
        Object coder = insert(c, "agents#2",
                "INSERT INTO agents (tenant_id, swarm_id, name, role, manager_id, capabilities) VALUES (?, ?, 'Coder', 'coder', ?, '{java}') RETURNING id",
                t, swarm, pm);
        Object task = insert(c, "tasks",
                "INSERT INTO tasks (tenant_id, title, task_state_id, board_id, app_id, user_id, project_id, assigned_agent_id, coordinator_id)"
                        + " VALUES (?, 'Build it', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                t, state, board, app, user, project, coder, pm);
        Object blocker = insert(c, "tasks#2", "INSERT INTO tasks (tenant_id, title, project_id) VALUES (?, 'Design it', ?) RETURNING id", t, project);
        insert(c, "task_dependencies",
                "INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) VALUES (?, ?, ?) RETURNING id", t, task, blocker);
        insert(c, "agent_executions",
                "INSERT INTO agent_executions (tenant_id, agent_id, task_id, result, tokens, cost) VALUES (?, ?, ?, 'success', 120, 0.5) RETURNING id",
                t, coder, task);
        insert(c, "events", "INSERT INTO events (tenant_id, type, swarm_id, agent_id, payload) VALUES (?, 'agent.spawned', ?, ?, '{\"model\":\"m\"}') RETURNING id",
                t, swarm, coder);
        insert(c, "sessions", "INSERT INTO sessions (tenant_id, swarm_id, tree_data) VALUES (?, ?, '{\"root\":\"main\"}') RETURNING id", t, swarm);
        insert(c, "budgets", "INSERT INTO budgets (tenant_id, swarm_id, scope_type, scope_id, allocated, max_tokens) VALUES (?, ?, 'swarm', ?, 100, 1000) RETURNING id",
                t, swarm, swarm);
        insert(c, "api_keys",
                "INSERT INTO api_keys (tenant_id, agent_id, service, ciphertext, nonce) VALUES (?, ?, 'openai', '\\x00010203'::bytea, '\\x000102030405060708090a0b'::bytea) RETURNING id",
                t, pm);
        insert(c, "lessons", "INSERT INTO lessons (tenant_id, project_id, task_id, agent_id, title, content) VALUES (?, ?, ?, ?, 'Cache', 'Use it') RETURNING id",
                t, project, task, coder);
        insert(c, "audit_logs", "INSERT INTO audit_logs (tenant_id, actor_type, actor_id, action) VALUES (?, 'user', 'u1', 'task.create') RETURNING id", t);
        Object contributor = insert(c, "contributors", "INSERT INTO contributors (tenant_id, name) VALUES (?, 'Grace') RETURNING id", t);
        Object asset = insert(c, "assets", "INSERT INTO assets (tenant_id, name, asset_type) VALUES (?, 'Docs', 'doc') RETURNING id", t);
        insert(c, "contributions",
                "INSERT INTO contributions (tenant_id, contributor_id, asset_id, cost_amount, coherence_score) VALUES (?, ?, ?, 10, 0.9) RETURNING id",
                t, contributor, asset);
        insert(c, "agent_tasks",
                "INSERT INTO agent_tasks (id, tenant_id, direction, task_type, model, command) VALUES (?, ?, 'ship', 'impl', 'm', 'run') RETURNING id",
                "task_" + UUID.randomUUID().toString().substring(0, 8), t);
    }

    private Object insert(Connection c, String key, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object id = rs.getObject(1);
                ids.put(key, id);
                return id;
            }
        }
    }
}
