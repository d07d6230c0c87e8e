package dev.hybriddb.bench.scenarios;

import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.Scenario;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.graph.age.AgeGraph;
import dev.hybriddb.testing.PostgresService;
import java.util.List;

/**
 * Batch sync into Apache AGE through the SDK: edges per second at each size; the smallest size is
 * the baseline the largest is checked against (slowing less than 2x).
 */
public final class AgeBatchSync implements Scenario {

    @Override
    public String name() {
        return "age-batch-sync";
    }

    @Override
    public ScenarioResult run(BenchContext ctx) {
        ScenarioResult result = new ScenarioResult(name());
        PostgresService db = ctx.freshDatabase("bench_age");
        List<Integer> sizes = ctx.profile().ageEdges();
        double first = 0;
        double last = 0;
        try (AgeGraph age = AgeGraph.connect(db.jdbcUrl(), db.adminUser(), db.adminPassword())) {
            for (int edges : sizes) {
                String graph = "bench_age_" + edges;
                age.ensureGraph(graph);
                int n = edges + 1;
                long t0 = System.nanoTime();
                for (int from = 0; from < n; from += FalkorSdk.CALL) {
                    age.upsertNodes(graph, "Task", FalkorSdk.nodes(from, Math.min(n, from + FalkorSdk.CALL)));
                }
                double nodeRate = result.metric("sdk-agegraph", "nodes/s @" + edges + " edges", "nodes/s", n / FalkorBatchSync.seconds(t0));
                long t1 = System.nanoTime();
                for (int from = 0; from < n; from += FalkorSdk.CALL) {
                    age.upsertEdges(graph, FalkorSdk.DEPENDS_ON, FalkorSdk.edges(from, Math.min(n, from + FalkorSdk.CALL)));
                }
                double rate = result.metric("sdk-agegraph", "edges/s @" + edges, "edges/s", edges / FalkorBatchSync.seconds(t1));
                ctx.log("AGE %,d edges: %,.0f nodes/s, %,.0f edges/s", edges, nodeRate, rate);
                result.atLeast("edges/s @" + edges + " >= 5,000", rate, 5_000);
                first = first == 0 ? rate : first;
                last = rate;
                // graphs are left to the database's drop: AGE 1.5 corrupts its label cache when a graph
                // is dropped and another created on the same connection

            }
        } finally {
            ctx.dropDatabase(db);
        }
        if (sizes.size() > 1) {
            result.atLeast("edges/s @" + sizes.get(sizes.size() - 1) + " / edges/s @" + sizes.get(0) + " > 0.5 (slows < 2x)",
                    last / first, 0.5);
        }
        return result;
    }
}
