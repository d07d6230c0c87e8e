package dev.hybriddb.coordination;

/** Where a {@link Coordinator} currently gets its answers. */
public enum CoordinationMode {
    /** From the graph backend. */
    GRAPH,
    /** From PostgreSQL, because the configured graph is unreachable; the graph is probed periodically. */
    SQL_FALLBACK,
    /** From PostgreSQL, because no graph is configured. */
    SQL_ONLY
}
