package dev.hybriddb.bench.scenarios;

import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.ScenarioResult;

/** The SDK side of the scenarios, filled in as the modules land. */
final class Sdk {
    private Sdk() {}

    static void falkorUpserts(BenchContext ctx, ScenarioResult result, int n, FalkorBatchSync.Rates raw,
                              FalkorBatchSync.Rates perEntity) {
        result.note("SDK path (FalkorGraph) not measured yet at " + n + " rows: module not on main");
    }
}
