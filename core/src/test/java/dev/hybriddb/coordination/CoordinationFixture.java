package dev.hybriddb.coordination;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.Database;
import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant whose coordination answers are known by construction, in PostgreSQL (a fresh, migrated
 * database; rows written as the application role) and in the tenant's graph (written through the
 * SPI, as the sync would project them: property names are column names).
 *
 * <pre>
 * PM (project_manager, active) MANAGES A1, A2, A3;  A1 MANAGES A4;  A5 is on its own
 * swarm S1 = {A1, A2}, S2 = {A3}
 * A1 coder    idle   [java, sql]     (0,0,0)    open: O1            (O2 completed)
 * A2 tester   busy   [java, testing] (3,4,0)    open: O3, O4
 * A3 designer idle   [design]        (0,0,30)   open: none
 * A4 reviewer paused [java, sql]     (0,0,0)    open: O5
 * A5 worker   idle   []              (100,0,0)  open: none
 * TX pending, needs [java, sql] at (0,0,0), coordinated by PM
 * chain:   C1 -> C2 -> C3            (C1 pending, C2 in_progress, C3 completed)
 * diamond: D5 -> D1 -> {D2, D3} -> D4 (D1 pending, D2 D3 D4 completed, D5 pending)
 * </pre>
 */
public final class CoordinationFixture implements AutoCloseable {
    public static final UUID PM = id("0a0");
    public static final UUID A1 = id("0a1");
    public static final UUID A2 = id("0a2");
    public static final UUID A3 = id("0a3");
    public static final UUID A4 = id("0a4");
    public static final UUID A5 = id("0a5");
    public static final UUID S1 = id("0b1");
    public static final UUID S2 = id("0b2");
    public static final UUID TX = id("0c0");
    public static final UUID O1 = id("0c1");
    public static final UUID O2 = id("0c2");
    public static final UUID O3 = id("0c3");
    public static final UUID O4 = id("0c4");
    public static final UUID O5 = id("0c5");
    public static final UUID C1 = id("0d1");
    public static final UUID C2 = id("0d2");
    public static final UUID C3 = id("0d3");
    public static final UUID D1 = id("0e1");
    public static final UUID D2 = id("0e2");
    public static final UUID D3 = id("0e3");
    public static final UUID D4 = id("0e4");
    public static final UUID D5 = id("0e5");

    private record Agent(UUID id, String name, String role, String status, List<String> caps, double x, double y,
                         double z, UUID manager, UUID swarm) {}

    private record Task(UUID id, String title, String status, List<String> caps, UUID assigned, UUID coordinator) {}

    private static final List<Agent> AGENTS = List.of(
            new Agent(PM, "Project Manager AI", "project_manager", "active", List.of("coordination"), 0, 0, 10, null, null),
            new Agent(A1, "Coder", "coder", "idle", List.of("java", "sql"), 0, 0, 0, PM, S1),
            new Agent(A2, "Tester", "tester", "busy", List.of("java", "testing"), 3, 4, 0, PM, S1),
            new Agent(A3, "Designer", "designer", "idle", List.of("design"), 0, 0, 30, PM, S2),
            new Agent(A4, "Reviewer", "reviewer", "paused", List.of("java", "sql"), 0, 0, 0, A1, null),
            new Agent(A5, "Lonely", "worker", "idle", List.of(), 100, 0, 0, null, null));

    private static final List<Task> TASKS = List.of(
            new Task(TX, "Implement feature X", "pending", List.of("java", "sql"), null, PM),
            new Task(O1, "Open one", "in_progress", List.of(), A1, null),
            new Task(O2, "Done one", "completed", List.of(), A1, null),
            new Task(O3, "Open three", "pending", List.of(), A2, null),
            new Task(O4, "Open four", "agent_working", List.of(), A2, null),
            new Task(O5, "Open five", "pending", List.of(), A4, null),
            new Task(C1, "Chain 1", "pending", List.of(), null, null),
            new Task(C2, "Chain 2", "in_progress", List.of(), null, null),
            new Task(C3, "Chain 3", "completed", List.of(), null, null),
            new Task(D1, "Diamond top", "pending", List.of(), null, null),
            new Task(D2, "Diamond left", "completed", List.of(), null, null),
            new Task(D3, "Diamond right", "completed", List.of(), null, null),
            new Task(D4, "Diamond bottom", "completed", List.of(), null, null),
            new Task(D5, "Above diamond", "pending", List.of(), null, null));

    /** (blocked, blocker) pairs. */
    private static final List<List<UUID>> DEPENDENCIES = List.of(
            List.of(C1, C2), List.of(C2, C3),
            List.of(D1, D2), List.of(D1, D3), List.of(D2, D4), List.of(D3, D4), List.of(D5, D1));

    public final UUID tenant = UUID.randomUUID();
    public final PostgresService pg;
    public final HikariDataSource pool;
    public final Database db;

    private CoordinationFixture(PostgresService pg) {
        this.pg = pg;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(pg.jdbcUrl());
        hc.setUsername(pg.appUser());
        hc.setPassword(pg.appPassword());
        hc.setMaximumPoolSize(4);
        hc.setPoolName("coordination-fixture");
        this.pool = new HikariDataSource(hc);
        this.db = Database.of(pool);
    }

    /** A fresh, migrated database holding the fixture's rows. */
    public static CoordinationFixture inPostgres() {
        PostgresService pg = TestServices.freshDatabase("coord");
        Migrations.using(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()).withAppRole(pg.appUser()).update();
        CoordinationFixture f = new CoordinationFixture(pg);
        f.db.inTenant(f.tenant, c -> {
            f.insertRows(c);
            return null;
        });
        return f;
    }

    public static UUID id(String suffix) {
        return UUID.fromString("00000000-0000-4000-8000-000000000" + suffix);
    }

    public String graphName() {
        return GraphNames.forTenant(tenant);
    }

    private void insertRows(Connection c) throws SQLException {
        update(c, "INSERT INTO tenants (id, name, slug, type) VALUES (?, 'Fixture', ?, 'enterprise')", tenant, "fixture-" + tenant);
        for (UUID s : List.of(S1, S2)) {
            update(c, "INSERT INTO swarms (id, tenant_id, name) VALUES (?, ?, ?)", s, tenant, "swarm " + s);
        }
        for (Agent a : AGENTS) {
            update(c, "INSERT INTO agents (id, tenant_id, name, role, status, capabilities, pos_x, pos_y, pos_z, manager_id, "
                            + "swarm_id) VALUES (?, ?, ?, ?::agent_role, ?::agent_status, ?, ?, ?, ?, ?, ?)",
                    a.id, tenant, a.name, a.role, a.status, c.createArrayOf("text", a.caps.toArray()),
                    a.x, a.y, a.z, a.manager, a.swarm);
        }
        for (Task t : TASKS) {
            update(c, "INSERT INTO tasks (id, tenant_id, title, status, required_capabilities, assigned_agent_id, "
                            + "coordinator_id) VALUES (?, ?, ?, ?::task_status, ?, ?, ?)",
                    t.id, tenant, t.title, t.status, c.createArrayOf("text", t.caps.toArray()),
                    t.assigned, t.coordinator);
        }
        for (List<UUID> d : DEPENDENCIES) {
            update(c, "INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) VALUES (?, ?, ?)",
                    tenant, d.get(0), d.get(1));
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    /** Writes the same data into the tenant's graph through the SPI (what the sync would project). */
    public void loadGraph(GraphBackend graph) {
        String g = graphName();
        graph.ensureGraph(g);
        List<NodeRecord> agents = new ArrayList<>();
        for (Agent a : AGENTS) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", a.name);
            p.put("role", a.role);
            p.put("status", a.status);
            p.put("capabilities", a.caps);
            p.put("capability_keys", dev.hybriddb.coordination.internal.AssignmentScorer.capabilityKeys(a.caps));
            p.put("pos_x", a.x);
            p.put("pos_y", a.y);
            p.put("pos_z", a.z);
            p.put("manager_id", text(a.manager));
            p.put("swarm_id", text(a.swarm));
            agents.add(NodeRecord.of(a.id.toString(), p));
        }
        graph.upsertNodes(g, "Agent", agents);
        graph.upsertNodes(g, "Swarm", List.of(NodeRecord.of(S1.toString(), Map.of("name", "swarm " + S1)),
                NodeRecord.of(S2.toString(), Map.of("name", "swarm " + S2))));
        List<NodeRecord> tasks = new ArrayList<>();
        for (Task t : TASKS) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("title", t.title);
            p.put("status", t.status);
            p.put("required_capabilities", t.caps);
            p.put("pos_x", 0.0);
            p.put("pos_y", 0.0);
            p.put("pos_z", 0.0);
            p.put("assigned_agent_id", text(t.assigned));
            p.put("coordinator_id", text(t.coordinator));
            tasks.add(NodeRecord.of(t.id.toString(), p));
        }
        graph.upsertNodes(g, "Task", tasks);
        graph.upsertEdges(g, EdgeType.of("Agent", "MANAGES", "Agent"), AGENTS.stream().filter(a -> a.manager != null)
                .map(a -> EdgeRecord.of(a.manager.toString(), a.id.toString())).toList());
        graph.upsertEdges(g, EdgeType.of("Agent", "MEMBER_OF", "Swarm"), AGENTS.stream().filter(a -> a.swarm != null)
                .map(a -> EdgeRecord.of(a.id.toString(), a.swarm.toString())).toList());
        graph.upsertEdges(g, EdgeType.of("Agent", "ASSIGNED_TO", "Task"), TASKS.stream().filter(t -> t.assigned != null)
                .map(t -> EdgeRecord.of(t.assigned.toString(), t.id.toString())).toList());
        graph.upsertEdges(g, EdgeType.of("Agent", "COORDINATES", "Task"), TASKS.stream().filter(t -> t.coordinator != null)
                .map(t -> EdgeRecord.of(t.coordinator.toString(), t.id.toString())).toList());
        graph.upsertEdges(g, EdgeType.of("Task", "DEPENDS_ON", "Task"), DEPENDENCIES.stream()
                .map(d -> EdgeRecord.of(d.get(0).toString(), d.get(1).toString())).toList());
    }

    @Override
    public void close() {
        pool.close();
        TestServices.dropDatabase(pg);
    }
}
