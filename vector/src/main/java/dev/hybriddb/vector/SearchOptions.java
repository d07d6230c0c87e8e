package dev.hybriddb.vector;

import dev.hybriddb.InvalidInputException;
import java.util.Objects;

/**
 * How a similarity search runs. Start from {@link #topK(int)} and refine with the {@code with...}
 * methods; instances are immutable.
 *
 * <p>Per-query index settings are applied with {@code set_config(..., true)} (the same as
 * {@code SET LOCAL}), so they end with the search's transaction: {@code hnsw.ef_search},
 * {@code ivfflat.probes}, {@code hnsw.iterative_scan} / {@code ivfflat.iterative_scan} and
 * {@code hnsw.max_scan_tuples}. Null means the server's setting. JIT is always off for searches:
 * it never pays off for top-k queries, and the planner settings of {@link SearchMode#EXACT} and
 * {@link SearchMode#APPROXIMATE} inflate estimated costs past {@code jit_above_cost} (measured:
 * 450-800 ms of JIT compilation for a 2 ms HNSW scan).
 *
 * @param k              how many matches, 1..{@value #MAX_K}
 * @param distance       the distance to order by
 * @param filter         the metadata filter
 * @param mode           whether ANN indexes may, may not or should be used
 * @param efSearch       HNSW candidate list size (1..1000), or null
 * @param probes         IVFFlat lists probed (1..32768), or null
 * @param iterativeScan  iterative index scans; {@link IterativeScan#RELAXED_ORDER} by default
 *                       because tenant row-level security always filters
 * @param maxScanTuples  HNSW iterative scan limit (1..2^31-1), or null
 */
public record SearchOptions(int k, Distance distance, MetadataFilter filter, SearchMode mode,
        Integer efSearch, Integer probes, IterativeScan iterativeScan, Integer maxScanTuples) {
    /** The largest k accepted. */
    public static final int MAX_K = 10_000;

    /** Validates every setting. */
    public SearchOptions {
        if (k <= 0 || k > MAX_K) {
            throw new InvalidInputException("k", k, "must be between 1 and " + MAX_K);
        }
        Objects.requireNonNull(distance, "distance");
        filter = filter == null ? MetadataFilter.none() : filter;
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(iterativeScan, "iterativeScan");
        checkRange("efSearch", efSearch, 1, 1000);
        checkRange("probes", probes, 1, 32768);
        checkRange("maxScanTuples", maxScanTuples, 1, Integer.MAX_VALUE);
    }

    /** The k nearest by cosine distance, no filter, planner's choice, relaxed iterative scans. */
    public static SearchOptions topK(int k) {
        return new SearchOptions(k, Distance.COSINE, MetadataFilter.none(), SearchMode.AUTO, null, null,
                IterativeScan.RELAXED_ORDER, null);
    }

    public SearchOptions withK(int newK) {
        return new SearchOptions(newK, distance, filter, mode, efSearch, probes, iterativeScan, maxScanTuples);
    }

    public SearchOptions withDistance(Distance d) {
        return new SearchOptions(k, d, filter, mode, efSearch, probes, iterativeScan, maxScanTuples);
    }

    public SearchOptions withFilter(MetadataFilter f) {
        return new SearchOptions(k, distance, f, mode, efSearch, probes, iterativeScan, maxScanTuples);
    }

    public SearchOptions withMode(SearchMode m) {
        return new SearchOptions(k, distance, filter, m, efSearch, probes, iterativeScan, maxScanTuples);
    }

    /** Exact search: no ANN index. */
    public SearchOptions exact() {
        return withMode(SearchMode.EXACT);
    }

    /** Approximate search through the ANN index of this distance. */
    public SearchOptions approximate() {
        return withMode(SearchMode.APPROXIMATE);
    }

    public SearchOptions withEfSearch(Integer ef) {
        return new SearchOptions(k, distance, filter, mode, ef, probes, iterativeScan, maxScanTuples);
    }

    public SearchOptions withProbes(Integer p) {
        return new SearchOptions(k, distance, filter, mode, efSearch, p, iterativeScan, maxScanTuples);
    }

    public SearchOptions withIterativeScan(IterativeScan scan) {
        return new SearchOptions(k, distance, filter, mode, efSearch, probes, scan, maxScanTuples);
    }

    public SearchOptions withMaxScanTuples(Integer max) {
        return new SearchOptions(k, distance, filter, mode, efSearch, probes, iterativeScan, max);
    }

    private static void checkRange(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidInputException(field, value, "must be between " + min + " and " + max);
        }
    }
}
