package dev.hybriddb.sync;

import dev.hybriddb.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes a tenant's workspace (seed 000's world) as the application role. */
final class Workspace {
    private static final SecureRandom RANDOM = new SecureRandom();

    final UUID tenant = UUID.randomUUID();
    final List<UUID> users = new ArrayList<>();
    final List<UUID> teams = new ArrayList<>();
    final List<UUID> apps = new ArrayList<>();
    final List<UUID> boards = new ArrayList<>();
    final List<UUID> states = new ArrayList<>();
    final List<UUID> projects = new ArrayList<>();
    final List<UUID> swarms = new ArrayList<>();
    final List<UUID> agents = new ArrayList<>();
    final List<UUID> tasks = new ArrayList<>();
    final List<UUID> apiKeys = new ArrayList<>();
    final List<UUID> teamMembers = new ArrayList<>();
    final List<UUID> projectDependencies = new ArrayList<>();
    final List<UUID> taskDependencies = new ArrayList<>();
    final List<UUID> executions = new ArrayList<>();

    private final Database app;

    Workspace(Database app) {
        this.app = app;
    }

    /** Creates the tenant and a small but complete workspace. */
    Workspace seed(int taskCount) {
        app.inTenant(tenant, c -> {
            exec(c, "INSERT INTO tenants (id, name, slug, status, type) VALUES (?, ?, ?, 'active', 'enterprise')", tenant, "t " + tenant, "t-" + tenant);
            for (int i = 0; i < 4; i++) {
                users.add(id(c, "INSERT INTO users (tenant_id, name, email, hourly_rate, expertise, metadata) "
                        + "VALUES (?, ?, ?, ?, ?::text[], ?::jsonb) RETURNING id", tenant, "user " + i, "u" + i + "@x.dev",
                        new java.math.BigDecimal("42.50"), "{java,sql}", "{\"level\": " + i + "}"));
            }
            exec(c, "INSERT INTO guests (tenant_id, name) VALUES (?, 'guest')", tenant);
            for (int i = 0; i < 2; i++) {
                teams.add(id(c, "INSERT INTO teams (tenant_id, name, owner_id) VALUES (?, ?, ?) RETURNING id", tenant, "team " + i, users.get(i)));
                apps.add(id(c, "INSERT INTO apps (tenant_id, name, user_id, team_id) VALUES (?, ?, ?, ?) RETURNING id", tenant, "app " + i, users.get(i), teams.get(i)));
                boards.add(id(c, "INSERT INTO kanban_boards (tenant_id, name, user_id, team_id, app_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
                        tenant, "board " + i, users.get(i), teams.get(i), apps.get(i)));
                for (int s = 0; s < 3; s++) {
                    states.add(id(c, "INSERT INTO task_states (tenant_id, board_id, name, position) VALUES (?, ?, ?, ?) RETURNING id",
                            tenant, boards.get(i), "col " + s, s));
                }
                swarms.add(id(c, "INSERT INTO swarms (tenant_id, name) VALUES (?, ?) RETURNING id", tenant, "swarm " + i));
            }
            for (int i = 0; i < 4; i++) {
                teamMembers.add(id(c, "INSERT INTO team_members (tenant_id, team_id, user_id) VALUES (?, ?, ?) RETURNING id",
                        tenant, teams.get(i % 2), users.get(i)));
            }
            for (int i = 0; i < 3; i++) {
                projects.add(id(c, "INSERT INTO projects (tenant_id, name, tech_stack) VALUES (?, ?, '{java}') RETURNING id", tenant, "project " + i));
            }
            projectDependencies.add(id(c, "INSERT INTO project_dependencies (tenant_id, from_project_id, to_project_id) VALUES (?, ?, ?) RETURNING id",
                    tenant, projects.get(0), projects.get(1)));
            projectDependencies.add(id(c, "INSERT INTO project_dependencies (tenant_id, from_project_id, to_project_id) VALUES (?, ?, ?) RETURNING id",
                    tenant, projects.get(1), projects.get(2)));
            UUID pm = id(c, "INSERT INTO agents (tenant_id, name, role, swarm_id, capabilities) VALUES (?, 'pm', 'project_manager', ?, '{coordination}') RETURNING id",
                    tenant, swarms.get(0));
            agents.add(pm);
            for (int i = 0; i < 5; i++) {
                agents.add(id(c, "INSERT INTO agents (tenant_id, name, role, swarm_id, manager_id, capabilities, pos_x, pos_y, pos_z) "
                        + "VALUES (?, ?, 'coder', ?, ?, '{java,sql}', ?, ?, ?) RETURNING id",
                        tenant, "agent " + i, swarms.get(i % 2), pm, 0.1 * i + 0.2, 1.0 / 3.0 * i, -i * 1.5));
            }
            for (int i = 0; i < 2; i++) {
                byte[] ct = new byte[32];
                byte[] nonce = new byte[12];
                RANDOM.nextBytes(ct);
                RANDOM.nextBytes(nonce);
                apiKeys.add(id(c, "INSERT INTO api_keys (tenant_id, agent_id, service, ciphertext, nonce) VALUES (?, ?, 'openai', ?, ?) RETURNING id",
                        tenant, pm, ct, nonce));
            }
            return null;
        });
        addTasks(taskCount);
        return this;
    }

    /** Adds tasks with assignments, dependencies and executions, in one transaction. */
    List<UUID> addTasks(int n) {
        List<UUID> added = new ArrayList<>();
        app.inTenant(tenant, c -> {
            for (int i = 0; i < n; i++) {
                UUID t = id(c, "INSERT INTO tasks (tenant_id, title, priority, task_state_id, board_id, app_id, user_id, project_id, "
                        + "assigned_agent_id, coordinator_id, required_capabilities, pos_x) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{java}', ?) RETURNING id",
                        tenant, "task " + tasks.size(), i % 5, states.get(i % states.size()), boards.get(i % 2), apps.get(i % 2),
                        users.get(i % users.size()), projects.get(i % projects.size()), agents.get(1 + i % 5), agents.get(0), i * 0.5);
                if (!tasks.isEmpty() && i % 2 == 0) {
                    taskDependencies.add(id(c, "INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) VALUES (?, ?, ?) RETURNING id",
                            tenant, t, tasks.get(tasks.size() - 1)));
                }
                tasks.add(t);
                added.add(t);
                if (i % 3 == 0) {
                    UUID agent = agents.get(1 + i % 5);
                    executions.add(id(c, "INSERT INTO agent_executions (tenant_id, agent_id, task_id, result, started_at, duration_ms, tokens, cost) "
                            + "VALUES (?, ?, ?, 'failure', now() - interval '2 minutes', 10, 100, 0.25) RETURNING id", tenant, agent, t));
                    executions.add(id(c, "INSERT INTO agent_executions (tenant_id, agent_id, task_id, result, started_at, duration_ms, tokens, cost) "
                            + "VALUES (?, ?, ?, 'success', now() - interval '1 minute', 20, 200, 0.5) RETURNING id", tenant, agent, t));
                }
            }
            return null;
        });
        return added;
    }

    /**
     * Adds {@code n} tasks in one transaction with set-based statements (one row write each, with
     * its trigger): every second task depends on the one before, every third has an execution.
     */
    List<UUID> addTasksBulk(int n) {
        return app.inTenant(tenant, c -> {
            List<UUID> added = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (tenant_id, title, priority, task_state_id, "
                    + "board_id, app_id, user_id, project_id, assigned_agent_id, coordinator_id, required_capabilities, pos_x) "
                    + "SELECT ?, 'bulk ' || g, g % 5, (?::uuid[])[1 + g % ?], (?::uuid[])[1 + g % 2], (?::uuid[])[1 + g % 2], "
                    + "(?::uuid[])[1 + g % ?], (?::uuid[])[1 + g % ?], (?::uuid[])[2 + g % 5], ?, '{java}', g * 0.5 "
                    + "FROM generate_series(1, ?) g RETURNING id")) {
                int i = 1;
                ps.setObject(i++, tenant);
                ps.setArray(i++, c.createArrayOf("uuid", states.toArray()));
                ps.setInt(i++, states.size());
                ps.setArray(i++, c.createArrayOf("uuid", boards.toArray()));
                ps.setArray(i++, c.createArrayOf("uuid", apps.toArray()));
                ps.setArray(i++, c.createArrayOf("uuid", users.toArray()));
                ps.setInt(i++, users.size());
                ps.setArray(i++, c.createArrayOf("uuid", projects.toArray()));
                ps.setInt(i++, projects.size());
                ps.setArray(i++, c.createArrayOf("uuid", agents.toArray()));
                ps.setObject(i++, agents.get(0));
                ps.setInt(i, n);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        added.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            List<UUID> from = new ArrayList<>();
            List<UUID> to = new ArrayList<>();
            List<UUID> executed = new ArrayList<>();
            for (int k = 0; k < added.size(); k++) {
                if (k > 0 && k % 2 == 0) {
                    from.add(added.get(k));
                    to.add(added.get(k - 1));
                }
                if (k % 3 == 0) {
                    executed.add(added.get(k));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) "
                    + "SELECT ?, a, b FROM unnest(?::uuid[], ?::uuid[]) AS x(a, b)")) {
                ps.setObject(1, tenant);
                ps.setArray(2, c.createArrayOf("uuid", from.toArray()));
                ps.setArray(3, c.createArrayOf("uuid", to.toArray()));
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agent_executions (tenant_id, agent_id, task_id, result, "
                    + "started_at, duration_ms, tokens, cost) SELECT ?, ?, t, 'success', now(), 20, 200, 0.5 FROM unnest(?::uuid[]) AS x(t)")) {
                ps.setObject(1, tenant);
                ps.setObject(2, agents.get(1));
                ps.setArray(3, c.createArrayOf("uuid", executed.toArray()));
                ps.execute();
            }
            tasks.addAll(added);
            return added;
        });
    }

    void exec(String sql, Object... params) {
        app.inTenant(tenant, c -> {
            exec(c, sql, params);
            return null;
        });
    }

    static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.execute();
        }
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static UUID id(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
