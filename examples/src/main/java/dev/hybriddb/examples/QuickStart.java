package dev.hybriddb.examples;

import com.falkordb.Driver;
import com.falkordb.FalkorDB;
import com.falkordb.Graph;
import com.falkordb.Record;
import java.io.PrintStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 000's full workflow: a task is created in PostgreSQL, synced to the graph, the optimal
 * agent is found on the graph, the assignment is written to both stores, and the status updated.
 *
 * <p>Run it with {@code scripts/demo}.
 */
public final class QuickStart {
    private QuickStart() {}

    /** The outcome, for tests. */
    public record Result(String taskId, String agentName, String status) {}

    public static void main(String[] args) throws Exception {
        run(ExampleSettings.fromEnvironment(), "quickstart", System.out);
    }

    public static Result run(ExampleSettings settings, String graphName, PrintStream out) throws SQLException, java.io.IOException {
        out.println("HybridDB QuickStart: PostgreSQL is the source of truth, FalkorDB answers the graph questions");
        try (Connection pg = DriverManager.getConnection(settings.jdbcUrl(), settings.appUser(), settings.appPassword());
             Driver falkor = FalkorDB.driver(settings.falkorHost(), settings.falkorPort())) {
            Graph graph = falkor.graph(graphName);
            resetGraph(graph);
            createTables(pg);

            List<String> agentIds = new ArrayList<>();
            agentIds.add(insertAgent(pg, "Ada", "coder", new String[] {"java", "sql"}));
            agentIds.add(insertAgent(pg, "Grace", "coder", new String[] {"java", "cypher"}));
            agentIds.add(insertAgent(pg, "Linus", "reviewer", new String[] {"c"}));
            String busy = insertTask(pg, "Review the pool settings", new String[] {"java"});
            assign(pg, busy, agentIds.get(0));
            out.println("1. PostgreSQL: 3 agents and 1 task already assigned to Ada");

            String taskId = insertTask(pg, "Implement feature X", new String[] {"java"});
            out.println("   created task 'Implement feature X' (" + taskId + ")");

            int synced = syncAll(pg, graph);
            out.println("2. Synced " + synced + " nodes and their ASSIGNED_TO edges to graph '" + graphName + "'");

            // tag::optimal-agent[]
            Record best = findOptimalAgent(graph, taskId);
            String agentId = best.getString("id");
            String agentName = best.getString("name");
            out.println("3. Optimal agent: " + agentName + " (open tasks: " + best.getValue("load") + ", capabilities match)");

            assign(pg, taskId, agentId);
            graph.query("MATCH (a:Agent {id: $agent}), (t:Task {id: $task}) MERGE (a)-[:ASSIGNED_TO]->(t)",
                    Map.of("agent", agentId, "task", taskId));
            // end::optimal-agent[]
            out.println("4. Assigned in both stores: " + agentName + " -[:ASSIGNED_TO]-> 'Implement feature X'");

            setStatus(pg, taskId, "in_progress");
            graph.query("MATCH (t:Task {id: $task}) SET t.status = $status", Map.of("task", taskId, "status", "in_progress"));
            String graphStatus = graph.query("MATCH (t:Task {id: $task}) RETURN t.status AS s", Map.of("task", taskId))
                    .iterator().next().getString("s");
            out.println("5. Status updated in both stores: PostgreSQL=" + status(pg, taskId) + ", graph=" + graphStatus);
            return new Result(taskId, agentName, graphStatus);
        }
    }

    private static void resetGraph(Graph graph) {
        graph.query("MATCH (n) DETACH DELETE n");
    }

    private static void createTables(Connection pg) throws SQLException {
        try (Statement st = pg.createStatement()) {
            st.execute("CREATE TEMP TABLE agents (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL,"
                    + " role text NOT NULL, capabilities text[] NOT NULL, status text NOT NULL DEFAULT 'idle')");
            st.execute("CREATE TEMP TABLE tasks (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text NOT NULL,"
                    + " status text NOT NULL DEFAULT 'todo', required_capabilities text[] NOT NULL,"
                    + " assigned_agent_id uuid REFERENCES agents)");
        }
    }

    private static String insertAgent(Connection pg, String name, String role, String[] caps) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement(
                "INSERT INTO agents (name, role, capabilities) VALUES (?, ?, ?) RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, role);
            ps.setArray(3, pg.createArrayOf("text", caps));
            return single(ps);
        }
    }

    private static String insertTask(Connection pg, String title, String[] caps) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement(
                "INSERT INTO tasks (title, required_capabilities) VALUES (?, ?) RETURNING id")) {
            ps.setString(1, title);
            ps.setArray(2, pg.createArrayOf("text", caps));
            return single(ps);
        }
    }

    private static void assign(Connection pg, String taskId, String agentId) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("UPDATE tasks SET assigned_agent_id = ? WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(agentId));
            ps.setObject(2, UUID.fromString(taskId));
            ps.executeUpdate();
        }
    }

    private static void setStatus(Connection pg, String taskId, String status) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("UPDATE tasks SET status = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setObject(2, UUID.fromString(taskId));
            ps.executeUpdate();
        }
    }

    private static String status(Connection pg, String taskId) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT status FROM tasks WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(taskId));
            return single(ps);
        }
    }

    /** Reads both tables and projects them into the graph, one small query per row (tiny data). */
    private static int syncAll(Connection pg, Graph graph) throws SQLException {
        int n = 0;
        try (Statement st = pg.createStatement();
             ResultSet rs = st.executeQuery("SELECT id::text, name, role, capabilities, status FROM agents")) {
            while (rs.next()) {
                graph.query("MERGE (a:Agent {id: $id}) SET a.name = $name, a.role = $role, a.capabilities = $caps, a.status = $status",
                        Map.of("id", rs.getString(1), "name", rs.getString(2), "role", rs.getString(3),
                                "caps", textArray(rs.getArray(4)), "status", rs.getString(5)));
                n++;
            }
        }
        try (Statement st = pg.createStatement();
             ResultSet rs = st.executeQuery("SELECT id::text, title, status, required_capabilities, assigned_agent_id::text FROM tasks")) {
            while (rs.next()) {
                graph.query("MERGE (t:Task {id: $id}) SET t.title = $title, t.status = $status, t.required_capabilities = $caps",
                        Map.of("id", rs.getString(1), "title", rs.getString(2), "status", rs.getString(3),
                                "caps", textArray(rs.getArray(4))));
                if (rs.getString(5) != null) {
                    graph.query("MATCH (a:Agent {id: $agent}), (t:Task {id: $task}) MERGE (a)-[:ASSIGNED_TO]->(t)",
                            Map.of("agent", rs.getString(5), "task", rs.getString(1)));
                }
                n++;
            }
        }
        return n;
    }

    /** Capable agents first, then the least loaded (open tasks), then by name. */
    private static Record findOptimalAgent(Graph graph, String taskId) {
        var rs = graph.query("MATCH (t:Task {id: $task}), (a:Agent) WHERE size([c IN t.required_capabilities WHERE NOT c IN a.capabilities]) = 0"
                + " OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(o:Task) WHERE o.status <> 'done'"
                + " RETURN a.id AS id, a.name AS name, count(o) AS load ORDER BY load, name LIMIT 1", Map.of("task", taskId));
        if (rs.size() == 0) {
            throw new IllegalStateException("no agent can take task " + taskId);
        }
        return rs.iterator().next();
    }

    private static List<String> textArray(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static String single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
