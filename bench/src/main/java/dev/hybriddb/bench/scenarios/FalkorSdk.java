package dev.hybriddb.bench.scenarios;

import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.bench.internal.HeapSampler;
import dev.hybriddb.bench.internal.TaskData;
import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.graph.falkor.FalkorConfig;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.testing.FalkorService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SDK side of the FalkorDB sync scenario: {@link GraphBackend#upsertNodes} and {@code upsertEdges}. */
final class FalkorSdk {
    /** Rows handed to the SDK per call; it splits them into round trips of {@link #BATCH}. */
    static final int CALL = 50_000;
    static final int BATCH = 5_000;
    static final EdgeType DEPENDS_ON = EdgeType.of("Task", "DEPENDS_ON", "Task");

    private FalkorSdk() {}

    static FalkorGraph falkor(BenchContext ctx) {
        FalkorService f = ctx.falkor();
        return FalkorGraph.connect(FalkorConfig.builder(f.host(), f.port()).batchSize(BATCH).build());
    }

    static void falkorUpserts(BenchContext ctx, ScenarioResult result, int n, FalkorBatchSync.Rates raw,
                              FalkorBatchSync.Rates perEntity, FalkorBatchSync.Rates idIndex) {
        String graph = ctx.graphName("sdk_" + n);
        try (FalkorGraph g = falkor(ctx); HeapSampler heap = HeapSampler.start()) {
            g.dropGraph(graph);
            g.ensureGraph(graph);
            try {
                FalkorBatchSync.Rates sdk = upsert(g, graph, n);
                ctx.log("SDK FalkorGraph %,d rows: %,.0f nodes/s, %,.0f edges/s", n, sdk.nodes(), sdk.edges());
                result.metric("sdk-falkorgraph", "nodes/s @" + n, "nodes/s", sdk.nodes());
                result.metric("sdk-falkorgraph", "edges/s @" + n, "edges/s", sdk.edges());
                double peak = result.metric("sdk-falkorgraph", "peak heap @" + n, "MB", heap.peakMegabytes());
                targets(result, n, sdk, raw, perEntity, idIndex, peak, ctx.profile().falkorRows());
            } finally {
                g.dropGraph(graph);
            }
        }
    }

    /** Upserts n tasks, then their n - 1 edges, in calls of {@link #CALL}; only the SDK calls are timed. */
    static FalkorBatchSync.Rates upsert(GraphBackend g, String graph, int n) {
        long nodeNanos = 0;
        for (int from = 0; from < n; from += CALL) {
            List<NodeRecord> call = nodes(from, Math.min(n, from + CALL));
            long t0 = System.nanoTime();
            g.upsertNodes(graph, "Task", call);
            nodeNanos += System.nanoTime() - t0;
        }
        long edgeNanos = 0;
        for (int from = 0; from < n; from += CALL) {
            List<EdgeRecord> call = edges(from, Math.min(n, from + CALL));
            long t0 = System.nanoTime();
            g.upsertEdges(graph, DEPENDS_ON, call);
            edgeNanos += System.nanoTime() - t0;
        }
        return new FalkorBatchSync.Rates(n / FalkorBatchSync.secondsOf(nodeNanos), (n - 1) / FalkorBatchSync.secondsOf(edgeNanos));
    }

    private static void targets(ScenarioResult r, int n, FalkorBatchSync.Rates sdk, FalkorBatchSync.Rates raw,
                                FalkorBatchSync.Rates perEntity, FalkorBatchSync.Rates idIndex, double peakMb,
                                List<Integer> sizes) {
        r.atLeast("node upserts/s @" + n + " >= 30,000", sdk.nodes(), 30_000);
        r.atLeast("edge upserts/s @" + n + " >= 15,000", sdk.edges(), 15_000);
        r.atLeast("nodes: SDK / seed000 per-entity @" + n + " >= 50x", sdk.nodes() / perEntity.nodes(), 50);
        r.atLeast("edges: SDK / seed000 per-entity @" + n + " >= 50x", sdk.edges() / perEntity.edges(), 50);
        r.metric("sdk-falkorgraph", "nodes: SDK / seed000 per-entity @" + n, "x", sdk.nodes() / perEntity.nodes());
        r.metric("sdk-falkorgraph", "edges: SDK / seed000 per-entity @" + n, "x", sdk.edges() / perEntity.edges());
        r.metric("sdk-falkorgraph", "nodes: SDK / per-entity-id-index @" + n, "x", sdk.nodes() / idIndex.nodes());
        r.metric("sdk-falkorgraph", "edges: SDK / per-entity-id-index @" + n, "x", sdk.edges() / idIndex.edges());
        r.atLeast("nodes: SDK / raw UNWIND @" + n + " >= 0.5", sdk.nodes() / raw.nodes(), 0.5);
        r.atLeast("edges: SDK / raw UNWIND @" + n + " >= 0.5", sdk.edges() / raw.edges(), 0.5);
        if (n >= 1_000_000 || n == sizes.get(sizes.size() - 1)) {
            r.atMost("peak used heap (MB) @" + n + " < 512", peakMb, 512);
        }
    }

    static List<NodeRecord> nodes(int from, int to) {
        List<NodeRecord> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Map<String, Object> props = new LinkedHashMap<>(TaskData.task(i));
            String id = (String) props.remove("id");
            out.add(new NodeRecord(id, props));
        }
        return out;
    }

    static List<EdgeRecord> edges(int from, int to) {
        List<EdgeRecord> out = new ArrayList<>(to - from);
        for (int i = Math.max(1, from); i < to; i++) {
            out.add(EdgeRecord.of(TaskData.id(i), TaskData.id((i - 1) / 2)));
        }
        return out;
    }
}
