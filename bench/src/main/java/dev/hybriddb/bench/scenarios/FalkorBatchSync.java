package dev.hybriddb.bench.scenarios;

import com.falkordb.Graph;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.Scenario;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.bench.internal.HeapSampler;
import dev.hybriddb.bench.internal.RawFalkor;
import dev.hybriddb.bench.internal.TaskData;
import dev.hybriddb.testing.FalkorService;
import java.util.List;
import java.util.Map;

/**
 * Batch sync into FalkorDB: node and edge upserts per second through the SDK, against (a) seed
 * 000's one query per entity and (b) a raw jfalkordb UNWIND loop with no SDK layers.
 */
public final class FalkorBatchSync implements Scenario {
    static final int CHUNK = 5_000;
    static final String NODE_UNWIND = "UNWIND $rows AS r MERGE (t:Task {id: r.id}) SET t.title = r.title, t.status = r.status, t.priority = r.priority";
    static final String EDGE_UNWIND = "UNWIND $rows AS r MATCH (a:Task {id: r.f}), (b:Task {id: r.t}) MERGE (a)-[:DEPENDS_ON]->(b)";

    @Override
    public String name() {
        return "falkor-batch-sync";
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        ScenarioResult result = new ScenarioResult(name());
        FalkorService falkor = ctx.falkor();
        try (RawFalkor raw = new RawFalkor(falkor.host(), falkor.port())) {
            for (int n : ctx.profile().falkorRows()) {
                Rates rawRates = rawUnwind(ctx, raw, n);
                result.metric("raw-jfalkordb-unwind", "nodes/s @" + n, "nodes/s", rawRates.nodes);
                result.metric("raw-jfalkordb-unwind", "edges/s @" + n, "edges/s", rawRates.edges);
                Rates perEntity = perEntity(ctx, raw, Math.min(n, ctx.profile().perEntitySample()));
                result.metric("seed000-per-entity", "nodes/s @" + n, "nodes/s", perEntity.nodes);
                result.metric("seed000-per-entity", "edges/s @" + n, "edges/s", perEntity.edges);
                FalkorSdk.falkorUpserts(ctx, result, n, rawRates, perEntity);
            }
        }
        result.note("seed000-per-entity runs on the first " + ctx.profile().perEntitySample()
                + " rows of each size (one query per entity is too slow for more); its rate does not depend on size");
        return result;
    }

    /** Nodes/s and edges/s of one run. */
    record Rates(double nodes, double edges) {}

    private Rates rawUnwind(BenchContext ctx, RawFalkor raw, int n) {
        String name = ctx.graphName("raw_" + n);
        raw.drop(name);
        Graph g = raw.graph(name);
        g.query("CREATE INDEX FOR (t:Task) ON (t.id)");
        try {
            long t0 = System.nanoTime();
            for (int from = 0; from < n; from += CHUNK) {
                raw.unwind(g, NODE_UNWIND, TaskData.tasks(from, Math.min(n, from + CHUNK)));
            }
            double nodes = n / seconds(t0);
            long t1 = System.nanoTime();
            for (int from = 0; from < n; from += CHUNK) {
                raw.unwind(g, EDGE_UNWIND, TaskData.edges(from, Math.min(n, from + CHUNK)));
            }
            double edges = (n - 1) / seconds(t1);
            ctx.log("raw UNWIND %,d rows: %,.0f nodes/s, %,.0f edges/s", n, nodes, edges);
            return new Rates(nodes, edges);
        } finally {
            raw.drop(name);
        }
    }

    /** Seed 000's sync: one MERGE per task, one MATCH ... MERGE per dependency. */
    private Rates perEntity(BenchContext ctx, RawFalkor raw, int n) {
        String name = ctx.graphName("seed000_" + n);
        raw.drop(name);
        Graph g = raw.graph(name);
        g.query("CREATE INDEX FOR (t:Task) ON (t.id)");
        try {
            long t0 = System.nanoTime();
            for (Map<String, Object> row : TaskData.tasks(0, n)) {
                g.query("MERGE (t:Task {id: $id}) SET t.title = $title, t.status = $status, t.priority = $priority", row);
            }
            double nodes = n / seconds(t0);
            List<Map<String, Object>> edges = TaskData.edges(0, n);
            long t1 = System.nanoTime();
            for (Map<String, Object> e : edges) {
                g.query("MATCH (a:Task {id: $f}), (b:Task {id: $t}) MERGE (a)-[:DEPENDS_ON]->(b)", e);
            }
            double edgeRate = edges.size() / seconds(t1);
            ctx.log("seed 000 per entity %,d rows: %,.0f nodes/s, %,.0f edges/s", n, nodes, edgeRate);
            return new Rates(nodes, edgeRate);
        } finally {
            raw.drop(name);
        }
    }

    static double seconds(long startNanos) {
        return Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Peak heap of a run, for the 1M target. */
    static double peakHeap(Runnable work) {
        try (HeapSampler heap = HeapSampler.start()) {
            work.run();
            return heap.peakMegabytes();
        }
    }
}
