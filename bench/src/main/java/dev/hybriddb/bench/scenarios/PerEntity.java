package dev.hybriddb.bench.scenarios;

import com.falkordb.Graph;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.internal.TaskData;
import java.util.Map;

/**
 * The one-query-per-entity baselines: one {@code MERGE} per task, one {@code MATCH ... MERGE} per
 * dependency, through plain jfalkordb, on a sample of the rows re-synced into a graph that already
 * holds all n of them (seed 000's {@code syncWorkspace} re-syncs every row), so the rate is the one
 * at that size. The sample ends after {@code perEntitySample} rows or {@value #SAMPLE_SECONDS}
 * seconds, whichever comes first; its rows are spread evenly over the n.
 */
final class PerEntity {
    static final int SAMPLE_SECONDS = 15;
    static final String NOTE = "seed000-per-entity is seed 000's sync as its guide deploys it: one MERGE per entity, "
            + "indexes only on :Task(status) and :Agent(status) (none on id), re-syncing up to %1$d rows (or %2$d s) "
            + "spread over a graph that already holds the n tasks and edges; the >= 50x targets use it. "
            + "per-entity-id-index is the same loop with an index on :Task(id), the best case of one query per entity "
            + "(informational, ratios reported as metrics). The raw baseline is a plain jfalkordb UNWIND loop, batch 5,000.";
    private static final String NODE = "MERGE (t:Task {id: $id}) SET t.title = $title, t.status = $status, t.priority = $priority";
    private static final String EDGE = "MATCH (a:Task {id: $f}), (b:Task {id: $t}) MERGE (a)-[:DEPENDS_ON]->(b)";

    private PerEntity() {}

    /** The loop on {@code g} as it is (the raw loop's graph, indexed on {@code Task.id}). */
    static FalkorBatchSync.Rates withIdIndex(BenchContext ctx, Graph g, int n) {
        FalkorBatchSync.Rates rates = sample(ctx, g, n);
        ctx.log("per entity, id index, %,d rows in the graph: %,.0f nodes/s, %,.0f edges/s", n, rates.nodes(), rates.edges());
        return rates;
    }

    /** Drops the id index of {@code g}, creates seed 000's indexes, then runs the loop. */
    static FalkorBatchSync.Rates asSeed000(BenchContext ctx, Graph g, int n) {
        g.query("DROP INDEX ON :Task(id)");
        g.query("CREATE INDEX ON :Task(status)");
        g.query("CREATE INDEX ON :Agent(status)");
        FalkorBatchSync.Rates rates = sample(ctx, g, n);
        ctx.log("seed 000 per entity, %,d rows in the graph: %,.0f nodes/s, %,.0f edges/s", n, rates.nodes(), rates.edges());
        return rates;
    }

    private static FalkorBatchSync.Rates sample(BenchContext ctx, Graph g, int n) {
        int size = Math.max(1, Math.min(n - 1, ctx.profile().perEntitySample()));
        long limit = SAMPLE_SECONDS * 1_000_000_000L;
        long nanos = 0;
        int nodes = 0;
        while (nodes < size && nanos < limit) {
            Map<String, Object> row = TaskData.task((int) ((long) nodes * n / size));
            long t0 = System.nanoTime();
            g.query(NODE, row);
            nanos += System.nanoTime() - t0;
            nodes++;
        }
        double nodeRate = nodes / FalkorBatchSync.secondsOf(nanos);
        nanos = 0;
        int edges = 0;
        while (edges < size && nanos < limit) {
            int i = 1 + (int) ((long) edges * (n - 1) / size);
            Map<String, Object> row = Map.of("f", TaskData.id(i), "t", TaskData.id((i - 1) / 2));
            long t0 = System.nanoTime();
            g.query(EDGE, row);
            nanos += System.nanoTime() - t0;
            edges++;
        }
        return new FalkorBatchSync.Rates(nodeRate, edges / FalkorBatchSync.secondsOf(nanos));
    }
}
