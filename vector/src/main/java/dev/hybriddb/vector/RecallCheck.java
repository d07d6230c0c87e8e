package dev.hybriddb.vector;

import dev.hybriddb.InvalidInputException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Measures recall@k of approximate (ANN index) search against exact search on the same data: for
 * each query, the share of the exact k nearest that the approximate search also returns. Used by
 * the tests and the bench module (e.g. recall@10 of HNSW on 100k x 384).
 */
public final class RecallCheck {
    private RecallCheck() {}

    /**
     * Runs every query twice, {@link SearchMode#EXACT} and {@link SearchMode#APPROXIMATE}, with
     * {@code options} otherwise (k, distance, filter, ef_search, iterative scan).
     */
    public static RecallReport measure(DocumentStore store, UUID tenant, List<float[]> queries, SearchOptions options) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(options, "options");
        if (queries == null || queries.isEmpty()) {
            throw new InvalidInputException("queries", queries, "must not be empty");
        }
        SearchOptions exact = options.exact();
        SearchOptions approximate = options.approximate();
        long exactNanos = 0;
        long approxNanos = 0;
        double sum = 0;
        double min = 1.0;
        for (float[] q : queries) {
            long t0 = System.nanoTime();
            List<Match> truth = store.search(tenant, q, exact);
            long t1 = System.nanoTime();
            List<Match> found = store.search(tenant, q, approximate);
            long t2 = System.nanoTime();
            exactNanos += t1 - t0;
            approxNanos += t2 - t1;
            double r = recall(truth, found);
            sum += r;
            min = Math.min(min, r);
        }
        return new RecallReport(options.k(), queries.size(), sum / queries.size(), min,
                Duration.ofNanos(exactNanos), Duration.ofNanos(approxNanos));
    }

    /** |found ∩ truth| / |truth| by document id (1.0 when truth is empty). */
    public static double recall(List<Match> truth, List<Match> found) {
        if (truth.isEmpty()) {
            return 1.0;
        }
        Set<UUID> ids = new HashSet<>();
        for (Match m : truth) {
            ids.add(m.document().id());
        }
        int hit = 0;
        for (Match m : found) {
            if (ids.contains(m.document().id())) {
                hit++;
            }
        }
        return (double) hit / ids.size();
    }
}
