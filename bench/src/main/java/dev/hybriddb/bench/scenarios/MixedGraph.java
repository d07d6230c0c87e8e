package dev.hybriddb.bench.scenarios;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The starting graph of the mixed-stream scenario: per tenant, agents (a tenth of the nodes),
 * tasks each assigned to an agent, and a dependency tree over the tasks (task {@code i} depends
 * on task {@code (i - 1) / 2}). Loaded into PostgreSQL by the owner role in set-based statements
 * with the tables' user triggers off (so the load leaves no outbox rows), then projected into the
 * graph by the SDK's batch sync.
 */
final class MixedGraph {
    final UUID tenant;
    final List<UUID> agents;
    final List<UUID> tasks;

    private MixedGraph(UUID tenant, List<UUID> agents, List<UUID> tasks) {
        this.tenant = tenant;
        this.agents = agents;
        this.tasks = tasks;
    }

    /** Loads {@code nodes} nodes for {@code tenant} (which must exist) and returns their ids. */
    static MixedGraph load(DataSource owner, UUID tenant, int nodes) throws SQLException {
        int agents = Math.max(2, nodes / 10);
        int tasks = nodes - agents;
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE agents DISABLE TRIGGER USER");
                st.execute("ALTER TABLE tasks DISABLE TRIGGER USER");
                st.execute("ALTER TABLE task_dependencies DISABLE TRIGGER USER");
            }
            set(c, "SELECT set_config('hybriddb.tenant_id', ?::text, true)", tenant);
            insert(c, "INSERT INTO agents (id, tenant_id, name, capabilities)"
                    + " SELECT md5(?::text || ':a:' || g)::uuid, ?, 'agent ' || g, ARRAY['cap' || (g % 20), 'cap' || (g % 7)]"
                    + " FROM generate_series(0, ? - 1) g", tenant, tenant, agents);
            insert(c, "INSERT INTO tasks (id, tenant_id, title, priority, assigned_agent_id, required_capabilities)"
                    + " SELECT md5(?::text || ':t:' || g)::uuid, ?, 'task ' || g, g % 5,"
                    + " md5(?::text || ':a:' || (g % ?))::uuid, ARRAY['cap' || (g % 20)]"
                    + " FROM generate_series(0, ? - 1) g", tenant, tenant, tenant, agents, tasks);
            insert(c, "INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id)"
                    + " SELECT ?, md5(?::text || ':t:' || g)::uuid, md5(?::text || ':t:' || ((g - 1) / 2))::uuid"
                    + " FROM generate_series(1, ? - 1) g", tenant, tenant, tenant, tasks);
            // the triggers that keep agents.open_task_count were off too: count once, before they are back on
            // (with statistics on the rows just loaded, or the planner joins a million tasks as if they were a few)
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE agents");
                st.execute("ANALYZE tasks");
            }
            insert(c, "UPDATE agents a SET open_task_count = n.open FROM (SELECT assigned_agent_id AS id, count(*)::int AS open"
                    + " FROM tasks WHERE tenant_id = ? AND assigned_agent_id IS NOT NULL"
                    + " AND status NOT IN ('completed', 'aborted') GROUP BY assigned_agent_id) n WHERE a.id = n.id", tenant);
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE agents ENABLE TRIGGER USER");
                st.execute("ALTER TABLE tasks ENABLE TRIGGER USER");
                st.execute("ALTER TABLE task_dependencies ENABLE TRIGGER USER");
            }
            List<UUID> agentIds = ids(c, "SELECT id FROM agents WHERE tenant_id = ? ORDER BY name", tenant);
            List<UUID> taskIds = ids(c, "SELECT id FROM tasks WHERE tenant_id = ?", tenant);
            c.commit();
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("ANALYZE agents");
                st.execute("ANALYZE tasks");
                st.execute("ANALYZE task_dependencies");
            }
            return new MixedGraph(tenant, agentIds, taskIds);
        }
    }

    /** Task nodes, DEPENDS_ON and ASSIGNED_TO edges in the tenant's graph. */
    static long[] graphCounts(GraphBackend graph, UUID tenant) {
        String name = GraphNames.forTenant(tenant);
        return new long[] {
                graph.query(name, "MATCH (t:Task) RETURN count(t) AS n", Map.of()).get(0).getLong("n"),
                graph.query(name, "MATCH (:Task)-[e:DEPENDS_ON]->(:Task) RETURN count(e) AS n", Map.of()).get(0).getLong("n"),
                graph.query(name, "MATCH (:Agent)-[e:ASSIGNED_TO]->(:Task) RETURN count(e) AS n", Map.of()).get(0).getLong("n")};
    }

    /** The same three counts in PostgreSQL. */
    static long[] postgresCounts(DataSource owner, UUID tenant) throws SQLException {
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            set(c, "SELECT set_config('hybriddb.tenant_id', ?::text, true)", tenant);
            long[] out = {
                    count(c, "SELECT count(*) FROM tasks WHERE tenant_id = ?", tenant),
                    count(c, "SELECT count(*) FROM task_dependencies WHERE tenant_id = ?", tenant),
                    count(c, "SELECT count(*) FROM tasks WHERE tenant_id = ? AND assigned_agent_id IS NOT NULL", tenant)};
            c.commit();
            return out;
        }
    }

    private static void set(Connection c, String sql, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenant);
            ps.execute();
        }
    }

    private static void insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static List<UUID> ids(Connection c, String sql, UUID tenant) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenant);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String sql, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
