package dev.hybriddb.bench.scenarios;

import com.falkordb.Graph;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.Scenario;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.bench.internal.RawFalkor;
import dev.hybriddb.bench.internal.TaskData;
import dev.hybriddb.testing.FalkorService;
import java.util.List;
import java.util.Map;

/**
 * Batch sync into FalkorDB: node and edge upserts per second through the SDK, against a raw
 * jfalkordb UNWIND loop with no SDK layers and two one-query-per-entity loops (see {@link PerEntity}).
 * Test data is generated outside the timed regions, the same way for every side.
 */
public final class FalkorBatchSync implements Scenario {
    static final int CHUNK = 5_000;
    /** Rows of the untimed warm-up (or the first size, if smaller). */
    static final int WARM_UP = 20_000;
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
            warmUp(ctx, raw, Math.min(WARM_UP, ctx.profile().falkorRows().get(0)));
            for (int n : ctx.profile().falkorRows()) {
                String name = ctx.graphName("raw_" + n);
                raw.drop(name);
                Graph g = raw.graph(name);
                Rates rawRates;
                Rates seed000;
                Rates idIndex;
                try {
                    rawRates = rawUnwind(ctx, raw, g, n);
                    ctx.log("raw UNWIND %,d rows: %,.0f nodes/s, %,.0f edges/s", n, rawRates.nodes, rawRates.edges);
                    result.metric("raw-jfalkordb-unwind", "nodes/s @" + n, "nodes/s", rawRates.nodes);
                    result.metric("raw-jfalkordb-unwind", "edges/s @" + n, "edges/s", rawRates.edges);
                    // the raw graph now holds the n tasks and n - 1 edges: the per-entity loops re-sync a sample of them
                    idIndex = PerEntity.withIdIndex(ctx, g, n);
                    result.metric("per-entity-id-index", "nodes/s @" + n, "nodes/s", idIndex.nodes);
                    result.metric("per-entity-id-index", "edges/s @" + n, "edges/s", idIndex.edges);
                    seed000 = PerEntity.asSeed000(ctx, g, n);
                    result.metric("seed000-per-entity", "nodes/s @" + n, "nodes/s", seed000.nodes);
                    result.metric("seed000-per-entity", "edges/s @" + n, "edges/s", seed000.edges);
                } finally {
                    raw.drop(name);
                }
                FalkorSdk.falkorUpserts(ctx, result, n, rawRates, seed000, idIndex);
            }
        }
        result.note(PerEntity.NOTE.formatted(ctx.profile().perEntitySample(), PerEntity.SAMPLE_SECONDS));
        return result;
    }

    /** Untimed runs of the raw loop and the SDK first, so that neither side is measured with a cold JIT. */
    private void warmUp(BenchContext ctx, RawFalkor raw, int n) {
        String name = ctx.graphName("warmup_raw");
        raw.drop(name);
        try {
            rawUnwind(ctx, raw, raw.graph(name), n);
        } finally {
            raw.drop(name);
        }
        String graph = ctx.graphName("warmup_sdk");
        try (var g = FalkorSdk.falkor(ctx)) {
            g.dropGraph(graph);
            try {
                FalkorSdk.upsert(g, graph, n);
            } finally {
                g.dropGraph(graph);
            }
        }
        ctx.log("warm-up: %,d rows through each side (not reported)", n);
    }

    /** Nodes/s and edges/s of one run. */
    record Rates(double nodes, double edges) {}

    /** The raw loop into an empty graph with an index on {@code Task.id}; only {@code unwind} calls are timed. */
    private Rates rawUnwind(BenchContext ctx, RawFalkor raw, Graph g, int n) {
        g.query("CREATE INDEX FOR (t:Task) ON (t.id)");
        long nodeNanos = 0;
        for (int from = 0; from < n; from += CHUNK) {
            List<Map<String, Object>> rows = TaskData.tasks(from, Math.min(n, from + CHUNK));
            long t0 = System.nanoTime();
            raw.unwind(g, NODE_UNWIND, rows);
            nodeNanos += System.nanoTime() - t0;
        }
        long edgeNanos = 0;
        for (int from = 0; from < n; from += CHUNK) {
            List<Map<String, Object>> rows = TaskData.edges(from, Math.min(n, from + CHUNK));
            long t0 = System.nanoTime();
            raw.unwind(g, EDGE_UNWIND, rows);
            edgeNanos += System.nanoTime() - t0;
        }
        return new Rates(n / secondsOf(nodeNanos), (n - 1) / secondsOf(edgeNanos));
    }

    /** Seconds since {@code startNanos} ({@link System#nanoTime()}), never zero. */
    static double seconds(long startNanos) {
        return secondsOf(System.nanoTime() - startNanos);
    }

    /** Seconds of a duration in nanoseconds, never zero. */
    static double secondsOf(long nanos) {
        return Math.max(1e-9, nanos / 1e9);
    }
}
