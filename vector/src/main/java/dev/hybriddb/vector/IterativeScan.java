package dev.hybriddb.vector;

/**
 * pgvector 0.8 iterative index scans: when rows found by the ANN index are removed by filters
 * (tenant row-level security, metadata, memory bank), the scan goes on until enough rows pass or
 * {@code max_scan_tuples} (HNSW) / {@code max_probes} (IVFFlat) is reached. Without it a filtered
 * ANN search may return fewer than k rows.
 */
public enum IterativeScan {
    /** Plain ANN scan: at most {@code ef_search} (HNSW) or the probed lists' rows (IVFFlat). */
    OFF("off", "off"),
    /**
     * Keeps scanning, results may come slightly out of order; the store re-sorts them by exact
     * distance. The default.
     */
    RELAXED_ORDER("relaxed_order", "relaxed_order"),
    /** Keeps scanning in exact distance order (HNSW only; IVFFlat falls back to relaxed order). */
    STRICT_ORDER("strict_order", "relaxed_order");

    private final String hnswValue;
    private final String ivfflatValue;

    IterativeScan(String hnswValue, String ivfflatValue) {
        this.hnswValue = hnswValue;
        this.ivfflatValue = ivfflatValue;
    }

    /** The value of {@code hnsw.iterative_scan}. */
    public String hnswValue() {
        return hnswValue;
    }

    /** The value of {@code ivfflat.iterative_scan}. */
    public String ivfflatValue() {
        return ivfflatValue;
    }
}
