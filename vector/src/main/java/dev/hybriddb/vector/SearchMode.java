package dev.hybriddb.vector;

/** How a similarity search may use ANN indexes. */
public enum SearchMode {
    /** The planner decides (the ANN index when it is cheaper, usually on larger tables). */
    AUTO,
    /** Exact k-nearest neighbours: index scans are disabled for the query, so no ANN index is used. */
    EXACT,
    /**
     * Approximate: sequential scans, bitmap scans and sorts are disabled for the query, so an ANN
     * index built for the search's distance is used when one exists (without one, the search stays
     * exact).
     */
    APPROXIMATE
}
