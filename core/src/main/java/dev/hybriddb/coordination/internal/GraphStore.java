package dev.hybriddb.coordination.internal;

import dev.hybriddb.coordination.AgentLink;
import dev.hybriddb.coordination.AgentSummary;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.internal.Rows.AgentCandidate;
import dev.hybriddb.coordination.internal.Rows.RankedCandidates;
import dev.hybriddb.coordination.internal.Rows.ClosureRows;
import dev.hybriddb.coordination.internal.Rows.Neighbourhood;
import dev.hybriddb.coordination.internal.Rows.TaskClosures;
import dev.hybriddb.coordination.internal.Rows.TaskProfile;
import dev.hybriddb.coordination.internal.Rows.TaskSummary;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphException;
import java.util.function.Function;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.Walk;
import dev.hybriddb.model.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Coordination rows from the tenant's graph, in portable Cypher with every value a parameter. A
 * tenant whose graph does not exist yet has no rows. Nodes hold ids as text and enum values as
 * their lower-case literals (as PostgreSQL writes them); rows convert both here. A node whose key
 * is not a UUID cannot be a PostgreSQL row and is left out, so both stores answer alike.
 */
public final class GraphStore implements CoordinationStore {
    private static final String AGENT_COLUMNS = "a.id AS id, a.name AS name, a.role AS role, a.status AS status";
    /** A PM's tasks: those its agents are assigned, and those it coordinates (one round trip). */
    private static final List<String> TEAM_TASK_QUERIES = List.of(
            "MATCH (:Agent {id: $id})-[:MANAGES]->(:Agent)-[:ASSIGNED_TO]->(t:Task) RETURN t.id AS id, t.title AS title, t.status AS status "
                    + "UNION MATCH (:Agent {id: $id})-[:COORDINATES]->(t:Task) RETURN t.id AS id, t.title AS title, t.status AS status");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GraphStore.class);

    private final GraphBackend graph;
    private final Set<String> indexed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Function<UUID, String> graphNames;

    public GraphStore(GraphBackend graph, Function<UUID, String> graphNames) {
        this.graphNames = graphNames;
        this.graph = graph;
    }

    public GraphBackend backend() {
        return graph;
    }

    List<GraphRow> rows(UUID tenant, String cypher, Map<String, ?> params) {
        String g = graphNames.apply(tenant);
        try {
            return graph.query(g, cypher, params);
        } catch (GraphException e) {
            if (!graph.graphExists(g)) {
                return List.of();
            }
            throw e;
        }
    }

    /** The rows of walks from {@code ids} (see {@link GraphBackend#walk}); none when the graph does not exist. */
    List<GraphRow> walked(UUID tenant, List<Walk> walks, Collection<String> ids, List<String> properties) {
        String g = graphNames.apply(tenant);
        try {
            return graph.walk(g, walks, ids, properties);
        } catch (GraphException e) {
            if (!graph.graphExists(g)) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public Optional<TaskProfile> task(UUID tenant, UUID taskId) {
        return rows(tenant, "MATCH (t:Task {id: $id}) RETURN t.id AS id, t.title AS title, t.status AS status, "
                + "t.required_capabilities AS caps, t.pos_x AS x, t.pos_y AS y, t.pos_z AS z", Map.of("id", taskId.toString()))
                .stream().findFirst()
                .map(r -> new TaskProfile(taskId, r.getString("title"), Rows.taskStatus(r.getString("status")),
                        strings(r.get("caps")), num(r, "x"), num(r, "y"), num(r, "z")));
    }

    @Override
    public List<AgentCandidate> candidates(UUID tenant, Set<TaskStatus> closedStatuses) {
        List<String> closed = closedStatuses.stream().map(TaskStatus::literal).toList();
        List<AgentCandidate> out = new ArrayList<>();
        for (GraphRow r : rows(tenant, "MATCH (a:Agent) OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(w:Task) "
                + "WHERE NOT w.status IN $closed RETURN " + AGENT_COLUMNS + ", a.capabilities AS caps, "
                + "a.pos_x AS x, a.pos_y AS y, a.pos_z AS z, count(w) AS open", Map.of("closed", closed))) {
            AgentSummary agent = agent(r);
            if (agent != null) {
                out.add(new AgentCandidate(agent, strings(r.get("caps")), num(r, "x"), num(r, "y"), num(r, "z"),
                        r.getLong("open")));
            }
        }
        return out;
    }

    /**
     * Starts from the capability index (one seek per key), keeps the eligible agents, reads each
     * one's {@code open_task_count} (projected from PostgreSQL, which keeps it) and computes the
     * whole score in the order and arithmetic of {@link AssignmentScorer#score}, then sorts and
     * keeps the first {@code limit}. An agent projected without the count is ranked as if it had
     * no open task (the most it can score) and returned with a count of -1.
     */
    @Override
    public RankedCandidates topCandidates(UUID tenant, TaskProfile task, List<String> keys, Map<String, Double> availability,
                                          int limit) {
        ensureCapabilityIndex(tenant);
        Map<String, Object> params = new HashMap<>();
        String avail = availabilityCase(availability, params);
        params.putAll(Map.of("keys", keys, "n", (double) keys.size(), "pm", dev.hybriddb.model.AgentRole.PROJECT_MANAGER.literal(),
                "statuses", List.copyOf(availability.keySet()), "x", task.x(), "y", task.y(), "z", task.z(), "limit", limit));
        String cypher = "UNWIND $keys AS k MATCH (a:Agent) WHERE k IN a.capability_keys "
                + "WITH a, count(*) AS m WHERE (a.role IS NULL OR a.role <> $pm) AND a.status IN $statuses "
                + "WITH a, m, coalesce(a.open_task_count, -1) AS open, coalesce(a.pos_x, 0.0) - $x AS dx, "
                + "coalesce(a.pos_y, 0.0) - $y AS dy, coalesce(a.pos_z, 0.0) - $z AS dz "
                + "WITH a, m, open, sqrt(dx * dx + dy * dy + dz * dz) AS dist, " + avail + " AS av "
                + "WITH a, m, open, floor(40.0 * (m / $n) + 25.0 * (1.0 / (1.0 + CASE WHEN open < 0 THEN 0 ELSE open END)) "
                + "+ 20.0 * av + 15.0 * (1.0 / (1.0 + dist / 10.0)) + 0.5) AS score "
                + "ORDER BY score DESC, m DESC, open ASC, a.id ASC LIMIT $limit "
                + "RETURN " + AGENT_COLUMNS + ", a.capabilities AS caps, a.pos_x AS x, a.pos_y AS y, a.pos_z AS z, "
                + "open, score ORDER BY score DESC, m DESC, open ASC, id ASC";
        List<AgentCandidate> out = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        for (GraphRow r : rows(tenant, cypher, params)) {
            AgentSummary agent = agent(r);
            if (agent != null) {
                out.add(new AgentCandidate(agent, strings(r.get("caps")), num(r, "x"), num(r, "y"), num(r, "z"),
                        r.getLong("open")));
                scores.add((int) num(r, "score"));
            }
        }
        return new RankedCandidates(out, scores);
    }

    /** {@code CASE a.status WHEN $s0 THEN $w0 ... ELSE 0.0 END}, its values added to {@code params}. */
    private static String availabilityCase(Map<String, Double> availability, Map<String, Object> params) {
        StringBuilder avail = new StringBuilder("CASE a.status");
        int i = 0;
        for (Map.Entry<String, Double> e : availability.entrySet()) {
            avail.append(" WHEN $s").append(i).append(" THEN $w").append(i);
            params.put("s" + i, e.getKey());
            params.put("w" + i, e.getValue());
            i++;
        }
        return avail.append(" ELSE 0.0 END").toString();
    }

    /** The index behind capability matching, once per graph (graphs projected before it existed get it too). */
    private void ensureCapabilityIndex(UUID tenant) {
        String g = graphNames.apply(tenant);
        if (indexed.contains(g)) {
            return;
        }
        try {
            if (graph.graphExists(g)) {
                graph.createIndex(g, "Agent", "capability_keys");
                indexed.add(g);
            }
        } catch (GraphException e) {
            LOG.debug("no capability index on {}: {}", g, e.getMessage());
        }
    }

    @Override
    public List<AgentSummary> agents(UUID tenant, Collection<UUID> agentIds) {
        if (agentIds.isEmpty()) {
            return List.of();
        }
        if (walksByLevel()) {
            return walkedAgents(tenant, List.of(Walk.from("Agent")), new LinkedHashSet<>(texts(agentIds)));
        }
        return agents(rows(tenant, "MATCH (a:Agent) WHERE a.id IN $ids RETURN " + AGENT_COLUMNS, Map.of("ids", texts(agentIds))));
    }

    /** The agents a PM manages; the tasks they are assigned and those it coordinates. */
    private static final List<Walk> MANAGED = List.of(Walk.from("Agent", Walk.Step.out("MANAGES", "Agent")));
    private static final List<Walk> TEAM_TASKS = List.of(
            Walk.from("Agent", Walk.Step.out("MANAGES", "Agent"), Walk.Step.out("ASSIGNED_TO", "Task")),
            Walk.from("Agent", Walk.Step.out("COORDINATES", "Task")));

    @Override
    public List<AgentSummary> managedBy(UUID tenant, UUID managerId) {
        if (walksByLevel()) {
            return walkedAgents(tenant, MANAGED, List.of(managerId.toString()));
        }
        return agents(rows(tenant, "MATCH (:Agent {id: $id})-[:MANAGES]->(a:Agent) RETURN DISTINCT " + AGENT_COLUMNS,
                Map.of("id", managerId.toString())));
    }

    /** The distinct agents at the far ends of walks from {@code ids}, in the order first reached. */
    private List<AgentSummary> walkedAgents(UUID tenant, List<Walk> walks, Collection<String> ids) {
        Map<UUID, AgentSummary> found = new LinkedHashMap<>();
        for (GraphRow r : walked(tenant, walks, ids, List.of("name", "role", "status"))) {
            UUID id = Rows.uuid(r.getString("to"));
            if (id != null) {
                found.putIfAbsent(id, summary(id, r));
            }
        }
        return List.copyOf(found.values());
    }

    @Override
    public List<TaskSummary> teamTasks(UUID tenant, UUID pmId) {
        Map<UUID, TaskSummary> tasks = new LinkedHashMap<>();
        if (walksByLevel()) {
            for (GraphRow r : walked(tenant, TEAM_TASKS, List.of(pmId.toString()), List.of("title", "status"))) {
                UUID id = Rows.uuid(r.getString("to"));
                if (id != null) {
                    tasks.putIfAbsent(id, new TaskSummary(id, r.getString("title"), Rows.taskStatus(r.getString("status"))));
                }
            }
            return List.copyOf(tasks.values());
        }
        for (String query : TEAM_TASK_QUERIES) {
            for (GraphRow r : rows(tenant, query, Map.of("id", pmId.toString()))) {
                UUID id = Rows.uuid(r.getString("id"));
                if (id != null) {
                    tasks.putIfAbsent(id, new TaskSummary(id, r.getString("title"), Rows.taskStatus(r.getString("status"))));
                }
            }
        }
        return List.copyOf(tasks.values());
    }

    /**
     * The task and both closures in one statement, each branch starting from the index seek on the
     * task's id: the distinct tasks reachable each way (the task itself included), then their edges
     * one hop further that way. {@code kind} tells the rows apart: 0 the task, 1 an edge towards its
     * blockers, 2 an edge from a task it blocks.
     */
    private static final String BOTH_CLOSURES = "MATCH (t:Task {id: $id}) "
            + "RETURN 0 AS kind, t.id AS from, t.id AS to, t.id AS far, t.title AS title, t.status AS status "
            + "UNION ALL MATCH (:Task {id: $id})-[:DEPENDS_ON*0..]->(a) WITH DISTINCT a MATCH (a)-[:DEPENDS_ON]->(b) "
            + "RETURN 1 AS kind, a.id AS from, b.id AS to, b.id AS far, b.title AS title, b.status AS status "
            + "UNION ALL MATCH (:Task {id: $id})<-[:DEPENDS_ON*0..]-(b) WITH DISTINCT b MATCH (a)-[:DEPENDS_ON]->(b) "
            + "RETURN 2 AS kind, a.id AS from, b.id AS to, a.id AS far, a.title AS title, a.status AS status";

    @Override
    public Optional<TaskClosures> dependencies(UUID tenant, UUID taskId) {
        if (walksByLevel()) {
            return closuresInOneCall(tenant, taskId);
        }
        boolean found = false;
        ClosureRows down = new ClosureRows();
        ClosureRows up = new ClosureRows();
        for (GraphRow r : rows(tenant, BOTH_CLOSURES, Map.of("id", taskId.toString()))) {
            int kind = ((Number) r.get("kind")).intValue();
            if (kind == 0) {
                found = true;
            } else {
                (kind == 1 ? down : up).add(Rows.uuid(r.getString("from")), Rows.uuid(r.getString("to")),
                        Rows.uuid(r.getString("far")), r.getString("title"), r.getString("status"));
            }
        }
        if (!found) {
            return Optional.empty();
        }
        return Optional.of(new TaskClosures(down.closure(), up.closure()));
    }

    /** The task and both closures through {@link GraphBackend#closures}: one transaction on Apache AGE. */
    private Optional<TaskClosures> closuresInOneCall(UUID tenant, UUID taskId) {
        String g = graphNames.apply(tenant);
        List<GraphRow> rows;
        try {
            rows = graph.closures(g, "Task", "DEPENDS_ON", taskId.toString(), List.of("title", "status"));
        } catch (GraphException e) {
            if (!graph.graphExists(g)) {
                return Optional.empty();
            }
            throw e;
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ClosureRows down = new ClosureRows();
        ClosureRows up = new ClosureRows();
        for (GraphRow r : rows) {
            int walk = ((Number) r.get("walk")).intValue();
            UUID near = Rows.uuid(r.getString("from"));
            UUID far = Rows.uuid(r.getString("to"));
            if (walk == 1) {
                down.add(near, far, far, r.getString("title"), r.getString("status"));
            } else if (walk == 2) {
                up.add(far, near, far, r.getString("title"), r.getString("status"));
            }
        }
        return Optional.of(new TaskClosures(down.closure(), up.closure()));
    }

    /**
     * Whether to look agents, teams and team tasks up and walk links through
     * {@link GraphBackend#walk} and dependencies through {@link GraphBackend#closures} rather than
     * in Cypher: Apache AGE evaluates variable-length patterns over a context of the whole graph,
     * and plans even one hop from a list of keys as hash joins over whole label tables once the
     * tables have statistics (a PM's team and tasks took 35-44 ms instead of 3 on 50,000 tasks),
     * while its backend's walks and closures seek every key and hop in an index. FalkorDB walks
     * the Cypher patterns from the start node in well under a millisecond.
     */
    private boolean walksByLevel() {
        return "age".equals(graph.name());
    }

    /**
     * One round trip, each branch starting from an index seek on the agents' ids: the agents they
     * manage, their managers, and their swarm mates (the rows with a {@code via}); {@code far} and
     * the columns after it describe the agent at the other end.
     */
    private static final String FAR = "far.id AS far, far.name AS name, far.role AS role, far.status AS status";
    private static final String LINKS = "UNWIND $ids AS k MATCH (a:Agent {id: k})-[:MANAGES]->(far:Agent) "
            + "RETURN a.id AS from, far.id AS to, null AS via, " + FAR
            + " UNION UNWIND $ids AS k MATCH (far:Agent)-[:MANAGES]->(b:Agent {id: k}) "
            + "RETURN far.id AS from, b.id AS to, null AS via, " + FAR
            + " UNION UNWIND $ids AS k MATCH (a:Agent {id: k})-[:MEMBER_OF]->(s:Swarm)<-[:MEMBER_OF]-(far:Agent) "
            + "WHERE a.id <> far.id RETURN a.id AS from, far.id AS to, s.id AS via, " + FAR;

    @Override
    public Neighbourhood links(UUID tenant, Collection<UUID> agentIds) {
        if (agentIds.isEmpty()) {
            return new Neighbourhood(List.of(), Map.of());
        }
        if (walksByLevel()) {
            return linksByWalks(tenant, agentIds);
        }
        List<AgentLink> links = new ArrayList<>();
        Map<UUID, AgentSummary> agents = new HashMap<>();
        for (GraphRow r : rows(tenant, LINKS, Map.of("ids", texts(agentIds)))) {
            UUID far = Rows.uuid(r.getString("far"));
            if (far == null) {
                continue;
            }
            agents.put(far, summary(far, r));
            if (r.get("via") == null) {
                link(links, r, AgentLink.MANAGES, null);
            } else {
                UUID via = Rows.uuid(r.getString("via"));
                if (via != null) {
                    link(links, r, AgentLink.SAME_SWARM, via);
                }
            }
        }
        return new Neighbourhood(links, agents);
    }

    /** The agents they manage (walk 0), their managers (walk 1) and their swarm mates (walk 2), in one round trip. */
    private static final List<Walk> LINK_WALKS = List.of(Walk.from("Agent", Walk.Step.out("MANAGES", "Agent")),
            Walk.from("Agent", Walk.Step.in("MANAGES", "Agent")),
            Walk.from("Agent", Walk.Step.out("MEMBER_OF", "Swarm"), Walk.Step.in("MEMBER_OF", "Agent")));

    private Neighbourhood linksByWalks(UUID tenant, Collection<UUID> agentIds) {
        List<AgentLink> links = new ArrayList<>();
        Map<UUID, AgentSummary> agents = new HashMap<>();
        for (GraphRow r : walked(tenant, LINK_WALKS, new LinkedHashSet<>(texts(agentIds)), List.of("name", "role", "status"))) {
            UUID near = Rows.uuid(r.getString("from"));
            UUID far = Rows.uuid(r.getString("to"));
            int walk = ((Number) r.get("walk")).intValue();
            if (near == null || far == null) {
                continue;
            }
            agents.put(far, summary(far, r));
            if (walk == 0) {
                links.add(new AgentLink(near, far, AgentLink.MANAGES, null));
            } else if (walk == 1) {
                links.add(new AgentLink(far, near, AgentLink.MANAGES, null));
            } else {
                UUID via = Rows.uuid(r.getString("via"));
                if (via != null && !r.getString("from").equals(r.getString("to"))) {
                    links.add(new AgentLink(near, far, AgentLink.SAME_SWARM, via));
                }
            }
        }
        return new Neighbourhood(links, agents);
    }

    private static AgentSummary summary(UUID id, GraphRow r) {
        return new AgentSummary(id, r.getString("name"), Rows.role(r.getString("role")), Rows.agentStatus(r.getString("status")));
    }

    private static void link(List<AgentLink> links, GraphRow r, String type, UUID via) {
        UUID from = Rows.uuid(r.getString("from"));
        UUID to = Rows.uuid(r.getString("to"));
        if (from != null && to != null) {
            links.add(new AgentLink(from, to, type, via));
        }
    }

    @Override
    public List<ExecutionRecord> executions(UUID tenant, UUID agentId, int limit) {
        List<ExecutionRecord> out = new ArrayList<>();
        for (GraphRow r : rows(tenant, "MATCH (a:Agent {id: $id})-[e:EXECUTED]->(t:Task) RETURN t.id AS task, "
                + "t.title AS title, e.result AS result, e.model AS model, e.started_at AS started, "
                + "e.finished_at AS finished, e.duration_ms AS duration, e.tokens AS tokens, e.cost AS cost "
                + "ORDER BY e.started_at DESC, t.id ASC LIMIT $limit", Map.of("id", agentId.toString(), "limit", limit))) {
            UUID task = Rows.uuid(r.getString("task"));
            if (task != null) {
                out.add(new ExecutionRecord(agentId, task, r.getString("title"), Rows.result(r.getString("result")),
                        r.getString("model"), instant(r.getString("started")), instant(r.getString("finished")),
                        r.getLong("duration"), r.get("tokens") == null ? 0 : r.getLong("tokens"), num(r, "cost")));
            }
        }
        return out;
    }

    /** The agent of a row, or null when its key is not a UUID. */
    private static AgentSummary agent(GraphRow r) {
        UUID id = Rows.uuid(r.getString("id"));
        return id == null ? null : new AgentSummary(id, r.getString("name"), Rows.role(r.getString("role")),
                Rows.agentStatus(r.getString("status")));
    }

    private static List<AgentSummary> agents(List<GraphRow> rows) {
        List<AgentSummary> out = new ArrayList<>(rows.size());
        for (GraphRow r : rows) {
            AgentSummary a = agent(r);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private static List<String> texts(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    private static double num(GraphRow r, String column) {
        Double d = r.getDouble(column);
        return d == null ? 0.0 : d;
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    static List<String> strings(Object v) {
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            list.forEach(o -> out.add(String.valueOf(o)));
            return out;
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }
}
