package dev.hybriddb.bench.scenarios;

import dev.hybriddb.HybridDB;
import dev.hybriddb.bench.scenarios.CoordinationQueries.Inputs;
import java.util.List;
import java.util.UUID;

/**
 * The coordination scenario's rows, generated in PostgreSQL (set-based, in chunks) for one tenant;
 * ids are {@code md5(tenant:kind:i)} so that rows can reference each other before they exist.
 * See {@link CoordinationQueries} for the shape.
 */
final class CoordinationData {
    static final int BLOCK = 22;       // 11 layers of two tasks
    private static final int CHUNK = 50_000;
    private static final String AGENT = "md5(?::text || ':a:' || (%s))::uuid";
    private static final String TASK = "md5(?::text || ':t:' || (%s))::uuid";

    private CoordinationData() {}

    static Inputs load(HybridDB db, UUID tenant, int tasks) {
        int agents = Math.max(10, tasks / 10 / 10 * 10);
        int swarms = Math.max(1, agents / 10);
        String t = tenant.toString();
        db.useTenant(tenant, s -> s.dsl().execute("INSERT INTO swarms (id, tenant_id, name) SELECT md5(?::text || ':s:' || k)::uuid, ?, "
                + "'swarm ' || k FROM generate_series(0, ? - 1) k", t, tenant, swarms));
        for (int start = 0; start < agents; start += CHUNK) {
            int from = start;
            int to = Math.min(agents, from + CHUNK);
            db.useTenant(tenant, s -> s.dsl().execute("INSERT INTO agents (id, tenant_id, name, role, status, capabilities, "
                    + "pos_x, pos_y, pos_z, manager_id, swarm_id) SELECT " + AGENT.formatted("i") + ", ?, 'agent ' || i, "
                    + "CASE WHEN i % 10 = 0 THEN 'project_manager' "
                    + "ELSE (ARRAY['coder','tester','reviewer','designer','worker'])[1 + i % 5] END::agent_role, "
                    + "(ARRAY['idle','active','busy','running','pending','paused','idle'])[1 + i % 7]::agent_status, "
                    + "ARRAY['cap-' || (i % 50) * 4, 'cap-' || ((i % 50) * 4 + 1), 'cap-' || ((i % 50) * 4 + 2), "
                    + "'cap-' || ((i % 50) * 4 + 3), 'cap-' || (i * 37 + 11) % 200], i % 17, i % 13, i % 5, "
                    + "CASE WHEN i % 10 <> 0 THEN " + AGENT.formatted("i / 10 * 10")
                    + " WHEN i >= 10 THEN " + AGENT.formatted("(i / 10 - 1) / 10 * 10") + " END, "
                    + "CASE WHEN i % 2 = 1 THEN md5(?::text || ':s:' || ((i::bigint * 7919) % ?) / 10)::uuid END "
                    + "FROM generate_series(?, ? - 1) i ORDER BY i", t, tenant, t, t, t, agents, from, to));
        }
        for (int start = 0; start < tasks; start += CHUNK) {
            int from = start;
            int to = Math.min(tasks, from + CHUNK);
            db.useTenant(tenant, s -> {
                s.dsl().execute("INSERT INTO tasks (id, tenant_id, title, status, required_capabilities, pos_x, pos_y, pos_z, "
                        + "assigned_agent_id, coordinator_id) SELECT " + TASK.formatted("i") + ", ?, "
                        + "'task ' || i || ' layer ' || (i % 22) / 2, "
                        + "CASE WHEN i % 2 = 0 THEN 'in_progress' WHEN i % 5 = 1 THEN 'completed' ELSE 'pending' END::task_status, "
                        + "ARRAY['cap-' || (i % 50) * 4, 'cap-' || ((i % 50) * 4 + 1 + i % 3)], i % 11, i % 7, i % 3, "
                        + "CASE WHEN i % 2 = 0 THEN " + AGENT.formatted("(i::bigint * 7) % ? + CASE WHEN (i::bigint * 7) % ? % 10 = 0 THEN 1 ELSE 0 END") + " END, "
                        + "CASE WHEN i % 4 = 1 THEN " + AGENT.formatted("(i::bigint * 3) % ? / 10 * 10") + " END "
                        + "FROM generate_series(?, ? - 1) i", t, tenant, t, agents, agents, t, agents, from, to);
                s.dsl().execute("INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) SELECT ?, "
                        + TASK.formatted("i") + ", " + TASK.formatted("i / 22 * 22 + 2 * ((i % 22) / 2 - 1) + j")
                        + " FROM generate_series(?, ? - 1) i, (VALUES (0), (1)) v(j) WHERE i % 22 >= 2 AND i < ? / 22 * 22",
                        tenant, t, t, from, to, tasks);
            });
        }
        return db.withTenant(tenant, s -> new Inputs(
                ids(s, "SELECT id FROM tasks ORDER BY md5(id::text) LIMIT 2000"),
                ids(s, "SELECT id FROM tasks WHERE title LIKE '% layer 4' ORDER BY md5(id::text) LIMIT 2000"),
                ids(s, "SELECT id FROM tasks WHERE title LIKE '% layer 10' ORDER BY md5(id::text) LIMIT 2000"),
                ids(s, "SELECT id FROM agents WHERE role <> 'project_manager' ORDER BY md5(id::text) LIMIT 2000"),
                ids(s, "SELECT id FROM agents WHERE role = 'project_manager' ORDER BY md5(id::text) LIMIT 2000")));
    }

    private static List<UUID> ids(dev.hybriddb.TenantScope s, String sql) {
        return s.dsl().fetch(sql).getValues(0, UUID.class);
    }
}
