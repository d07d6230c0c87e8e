package dev.hybriddb.bench.scenarios;

import dev.hybriddb.HybridDB;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.Scenario;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.bench.internal.Latencies;
import dev.hybriddb.coordination.Coordination;
import dev.hybriddb.coordination.Coordinator;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.testing.PostgresService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The coordination questions on the graph (FalkorDB) against the SQL fallback on the same data:
 * p50 and p99 of each. Data: PMs managing agents, tasks with a dependency chain and assignments.
 */
public final class CoordinationQueries implements Scenario {

    @Override
    public String name() {
        return "coordination-queries";
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        ScenarioResult result = new ScenarioResult(name());
        PostgresService pg = ctx.migratedDatabase();
        var falkor = ctx.falkor();
        int tasks = ctx.profile().coordinationTasks();
        int agents = Math.max(10, tasks / 10);
        try (HybridDB db = HybridDB.builder().config(ctx.config(pg, 4)).graph(FalkorGraph.connect(falkor.host(), falkor.port())).build()) {
            UUID tenant = ctx.newTenant(db, "coordination");
            List<UUID>[] ids = seed(db, tenant, agents, tasks);
            PostgresSync.create(db.database(), db.graph().orElseThrow()).syncWorkspace(tenant);
            Coordinator graph = Coordinator.of(db.database(), db.graph().orElseThrow());
            Coordinator sql = Coordinator.builder(db.database()).build();
            Random rnd = new Random(7);
            int q = ctx.profile().coordinationQueries();
            measure(result, "findOptimalAgentForTask", graph, sql, q, (c, i) -> c.findOptimalAgentForTask(tenant, pick(ids[1], rnd)));
            measure(result, "getTaskDependencies", graph, sql, q, (c, i) -> c.getTaskDependencies(tenant, pick(ids[1], rnd)));
            measure(result, "getAgentNetwork depth 2", graph, sql, q, (c, i) -> c.getAgentNetwork(tenant, pick(ids[0], rnd), 2));
            measure(result, "getPMTeamOverview", graph, sql, q, (c, i) -> c.getPMTeamOverview(tenant, pick(ids[2], rnd)));
            db.graph().orElseThrow().dropGraph(GraphNames.forTenant(tenant));
        }
        result.note("reported, no target: graph and SQL fallback answer the same questions on the same data");
        return result;
    }

    private static UUID pick(List<UUID> ids, Random rnd) {
        return ids.get(rnd.nextInt(ids.size()));
    }

    private static void measure(ScenarioResult r, String query, Coordination graph, Coordination sql, int n,
                                BiConsumer<Coordination, Integer> call) throws Exception {
        for (Coordination c : List.of(graph, sql)) {
            for (int i = 0; i < Math.max(5, n / 10); i++) {
                call.accept(c, i);                            // warm-up
            }
            Latencies l = new Latencies();
            for (int i = 0; i < n; i++) {
                int k = i;
                l.time(() -> {
                    call.accept(c, k);
                    return null;
                });
            }
            String variant = c == graph ? "graph-falkordb" : "sql-fallback";
            r.metric(variant, query + " p50", "ms", l.percentileMillis(50));
            r.metric(variant, query + " p99", "ms", l.percentileMillis(99));
        }
    }

    /** Agents (every tenth a PM managing the next nine), tasks with a dependency chain, half assigned. Returns [agents, tasks, pms]. */
    @SuppressWarnings("unchecked")
    private static List<UUID>[] seed(HybridDB db, UUID tenant, int agents, int tasks) {
        return db.withTenant(tenant, s -> {
            List<UUID> agentIds = new ArrayList<>();
            List<UUID> pmIds = new ArrayList<>();
            UUID pm = null;
            for (int i = 0; i < agents; i++) {
                boolean isPm = i % 10 == 0;
                Object id = s.dsl().fetchValue("INSERT INTO agents (tenant_id, name, role, manager_id, capabilities, pos_x, pos_y)"
                                + " VALUES (?, ?, ?::agent_role, ?, ?, ?, ?) RETURNING id", tenant, "agent " + i,
                        isPm ? "project_manager" : "coder", isPm ? null : pm,
                        new String[] {"java", i % 3 == 0 ? "sql" : "cypher"}, (double) (i % 17), (double) (i % 13));
                if (isPm) {
                    pm = (UUID) id;
                    pmIds.add(pm);
                } else {
                    agentIds.add((UUID) id);
                }
            }
            List<UUID> taskIds = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                Object id = s.dsl().fetchValue("INSERT INTO tasks (tenant_id, title, assigned_agent_id, required_capabilities, status)"
                                + " VALUES (?, ?, ?, ?, ?::task_status) RETURNING id", tenant, "task " + i,
                        i % 2 == 0 ? agentIds.get(i % agentIds.size()) : null, new String[] {"java"},
                        i % 2 == 0 ? "in_progress" : "pending");
                if (i > 0 && i % 5 != 0) {
                    s.dsl().execute("INSERT INTO task_dependencies (tenant_id, task_id, depends_on_task_id) VALUES (?, ?, ?)",
                            tenant, id, taskIds.get(i - 1));
                }
                taskIds.add((UUID) id);
            }
            return new List[] {agentIds, taskIds, pmIds};
        });
    }
}
