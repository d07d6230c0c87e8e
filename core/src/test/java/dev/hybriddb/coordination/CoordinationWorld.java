package dev.hybriddb.coordination;

import dev.hybriddb.Database;
import dev.hybriddb.coordination.internal.AssignmentScorer;
import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.NodeRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A generated tenant (fixed seed) where answers are compared rather than known one by one: 80
 * agents in a management tree five levels deep with swarms, capabilities with mixed case and
 * stray blanks, positions on a small grid (so scores tie), every status (some agents ineligible);
 * tasks asking for capabilities some, many or no agents have; and a dependency DAG of 11 layers
 * (depth 10) where tasks depend on one or two tasks of the layer below (diamonds).
 */
public final class CoordinationWorld {
    static final String[] CAPS = {"java", "sql", "cypher", "design", "testing", "ops"};
    static final String[] SPELLINGS = {"%s", " %s", "%S", "%s "};
    static final String[] ROLES = {"coder", "tester", "reviewer", "designer", "worker", "project_manager"};
    static final String[] AGENT_STATUS = {"idle", "active", "pending", "running", "busy", "paused", "completed", "failed",
            "terminated"};
    static final String[] TASK_STATUS = {"pending", "in_progress", "agent_working", "completed", "aborted"};
    static final int LAYERS = 11;

    public final UUID tenant = UUID.randomUUID();
    public final List<UUID> swarms = new ArrayList<>();
    public final List<UUID> agents = new ArrayList<>();
    public final List<UUID> tasks = new ArrayList<>();
    /** Tasks of each dependency layer; layer 0 depends on nothing. */
    public final List<List<UUID>> layers = new ArrayList<>();
    /** (blocked, blocker) pairs. */
    public final List<UUID[]> dependencies = new ArrayList<>();
    private final List<Map<String, Object>> agentRows = new ArrayList<>();
    private final List<Map<String, Object>> taskRows = new ArrayList<>();

    public CoordinationWorld() {
        Random rnd = new Random(20_261_206);
        for (int i = 0; i < 4; i++) {
            swarms.add(key(rnd));
        }
        for (int i = 0; i < 80; i++) {
            UUID id = key(rnd);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", id);
            a.put("name", "agent " + i);
            a.put("role", i == 0 ? "project_manager" : ROLES[rnd.nextInt(ROLES.length)]);
            a.put("status", AGENT_STATUS[rnd.nextInt(AGENT_STATUS.length)]);
            a.put("capabilities", caps(rnd, rnd.nextInt(4)));
            a.put("pos_x", (double) rnd.nextInt(3));
            a.put("pos_y", (double) rnd.nextInt(3));
            a.put("pos_z", 0.0);
            a.put("manager_id", i == 0 ? null : agents.get((i - 1) / 3));
            a.put("swarm_id", rnd.nextInt(3) == 0 ? null : swarms.get(rnd.nextInt(swarms.size())));
            agents.add(id);
            agentRows.add(a);
        }
        for (int layer = 0; layer < LAYERS; layer++) {
            List<UUID> here = new ArrayList<>();
            for (int j = 0; j < 6; j++) {
                UUID id = key(rnd);
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("id", id);
                t.put("title", "task " + layer + "." + j);
                t.put("status", TASK_STATUS[rnd.nextInt(TASK_STATUS.length)]);
                List<String> required = new ArrayList<>(caps(rnd, rnd.nextInt(4)));
                if (j == 5) {
                    required.add("quantum");         // nobody has it
                }
                t.put("required_capabilities", required);
                t.put("pos_x", (double) rnd.nextInt(3));
                t.put("pos_y", (double) rnd.nextInt(3));
                t.put("assigned_agent_id", rnd.nextBoolean() ? agents.get(rnd.nextInt(agents.size())) : null);
                t.put("coordinator_id", rnd.nextInt(4) == 0 ? agents.get(rnd.nextInt(10)) : null);
                here.add(id);
                tasks.add(id);
                taskRows.add(t);
                if (layer > 0) {
                    List<UUID> below = layers.get(layer - 1);
                    int first = rnd.nextInt(below.size());
                    dependencies.add(new UUID[] {id, below.get(first)});
                    int second = rnd.nextInt(below.size());
                    if (second != first && rnd.nextInt(3) > 0) {
                        dependencies.add(new UUID[] {id, below.get(second)});
                    }
                }
            }
            layers.add(here);
        }
    }

    private static UUID key(Random rnd) {
        return new UUID(rnd.nextLong(), rnd.nextLong() & 0x0FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L);
    }

    private static List<String> caps(Random rnd, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String cap = CAPS[rnd.nextInt(CAPS.length)];
            out.add(String.format(java.util.Locale.ROOT, SPELLINGS[rnd.nextInt(SPELLINGS.length)], cap));
        }
        return out;
    }

    public String graphName() {
        return GraphNames.forTenant(tenant);
    }

    /** Fewest hops from {@code root} along the dependencies (forward) or against them, by construction. */
    public Map<UUID, Integer> distances(UUID root, boolean forward) {
        Map<UUID, Integer> distance = new HashMap<>(Map.of(root, 0));
        ArrayDeque<UUID> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            UUID at = queue.poll();
            for (UUID[] d : dependencies) {
                UUID from = forward ? d[0] : d[1];
                UUID to = forward ? d[1] : d[0];
                if (from.equals(at) && !distance.containsKey(to)) {
                    distance.put(to, distance.get(at) + 1);
                    queue.add(to);
                }
            }
        }
        distance.remove(root);
        return distance;
    }

    /** Writes the rows into PostgreSQL (as the application role, in the world's tenant). */
    public void insert(Database db) {
        db.inTenant(tenant, c -> {
            update(c, "INSERT INTO tenants (id, name, slug, type) VALUES (?, 'World', ?, 'enterprise')", tenant, "world-" + tenant);
            for (UUID s : swarms) {
                update(c, "INSERT INTO swarms (id, tenant_id, name) VALUES (?, ?, ?)", s, tenant, "swarm " + s);
            }
            for (Map<String, Object> a : agentRows) {
                update(c, "INSERT INTO agents (id, tenant_id, name, role, status, capabilities, pos_x, pos_y, pos_z, "
                                + "manager_id, swarm_id) VALUES (?, ?, ?, ?::agent_role, ?::agent_status, ?, ?, ?, ?, ?, ?)",
                        a.get("id"), tenant, a.get("name"), a.get("role"), a.get("status"), array(c, a.get("capabilities")),
                        a.get("pos_x"), a.get("pos_y"), a.get("pos_z"), a.get("manager_id"), a.get("swarm_id"));
            }
            for (Map<String, Object> t : taskRows) {
                update(c, "INSERT INTO tasks (id, tenant_id, title, status, required_capabilities, pos_x, pos_y, "
                                + "assigned_agent_id, coordinator_id) VALUES (?, ?, ?, ?::task_status, ?, ?, ?, ?, ?)",
                        t.get("id"), tenant, t.get("title"), t.get("status"), array(c, t.get("required_capabilities")),
                        t.get("pos_x"), t.get("pos_y"), t.get("assigned_agent_id"), t.get("coordinator_id"));
            }
            for (UUID[] d : dependencies) {
                update(c, "INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) VALUES (?, ?, ?)",
                        tenant, d[0], d[1]);
            }
            return null;
        });
    }

    /** Writes the same data into the world's graph through the SPI, as the sync projects it. */
    @SuppressWarnings("unchecked")
    public void loadGraph(GraphBackend graph) {
        String g = graphName();
        graph.ensureGraph(g);
        graph.upsertNodes(g, "Swarm", swarms.stream().map(s -> NodeRecord.of(s.toString(), Map.of("name", "swarm " + s))).toList());
        Map<Object, Long> open = new java.util.HashMap<>();
        for (Map<String, Object> t : taskRows) {
            if (t.get("assigned_agent_id") != null && !List.of("completed", "aborted").contains(t.get("status"))) {
                open.merge(t.get("assigned_agent_id"), 1L, Long::sum);
            }
        }
        List<NodeRecord> nodes = new ArrayList<>();
        for (Map<String, Object> a : agentRows) {
            Map<String, Object> p = new LinkedHashMap<>();
            a.forEach((k, v) -> {
                if (!k.equals("id") && v != null) {
                    p.put(k, v instanceof UUID u ? u.toString() : v);
                }
            });
            p.put("capability_keys", AssignmentScorer.capabilityKeys((List<String>) a.get("capabilities")));
            p.put("open_task_count", open.getOrDefault(a.get("id"), 0L));
            nodes.add(NodeRecord.of(a.get("id").toString(), p));
        }
        graph.upsertNodes(g, "Agent", nodes);
        nodes = new ArrayList<>();
        for (Map<String, Object> t : taskRows) {
            Map<String, Object> p = new LinkedHashMap<>();
            t.forEach((k, v) -> {
                if (!k.equals("id") && v != null) {
                    p.put(k, v instanceof UUID u ? u.toString() : v);
                }
            });
            p.put("pos_z", 0.0);
            nodes.add(NodeRecord.of(t.get("id").toString(), p));
        }
        graph.upsertNodes(g, "Task", nodes);
        graph.upsertEdges(g, EdgeType.of("Agent", "MANAGES", "Agent"), edges(agentRows, "manager_id", true));
        graph.upsertEdges(g, EdgeType.of("Agent", "MEMBER_OF", "Swarm"), edges(agentRows, "swarm_id", false));
        graph.upsertEdges(g, EdgeType.of("Agent", "ASSIGNED_TO", "Task"), edges(taskRows, "assigned_agent_id", true));
        graph.upsertEdges(g, EdgeType.of("Agent", "COORDINATES", "Task"), edges(taskRows, "coordinator_id", true));
        graph.upsertEdges(g, EdgeType.of("Task", "DEPENDS_ON", "Task"), dependencies.stream()
                .map(d -> EdgeRecord.of(d[0].toString(), d[1].toString())).toList());
    }

    /** Edges of a foreign key column: from the referenced row when {@code fromReferenced}, else to it. */
    private static List<EdgeRecord> edges(List<Map<String, Object>> rows, String column, boolean fromReferenced) {
        List<EdgeRecord> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Object ref = r.get(column);
            if (ref != null) {
                out.add(fromReferenced ? EdgeRecord.of(ref.toString(), r.get("id").toString())
                        : EdgeRecord.of(r.get("id").toString(), ref.toString()));
            }
        }
        return out;
    }

    private static Object array(Connection c, Object list) throws SQLException {
        return c.createArrayOf("text", ((List<?>) list).toArray());
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
