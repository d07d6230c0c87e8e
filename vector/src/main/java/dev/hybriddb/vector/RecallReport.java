package dev.hybriddb.vector;

import java.time.Duration;

/**
 * How well approximate search agrees with exact search.
 *
 * @param k                the k of recall@k
 * @param queries          how many queries were measured
 * @param recall           mean over queries of |approximate ∩ exact| / |exact|
 * @param minRecall        the worst query's recall
 * @param exactTime        total wall time of the exact searches
 * @param approximateTime  total wall time of the approximate searches
 */
public record RecallReport(int k, int queries, double recall, double minRecall, Duration exactTime,
        Duration approximateTime) {

    /** Approximate queries per second (wall time, one thread). */
    public double approximateQueriesPerSecond() {
        return queries / Math.max(1e-9, approximateTime.toNanos() / 1e9);
    }

    /** Exact queries per second (wall time, one thread). */
    public double exactQueriesPerSecond() {
        return queries / Math.max(1e-9, exactTime.toNanos() / 1e9);
    }
}
