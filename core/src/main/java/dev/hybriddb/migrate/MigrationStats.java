package dev.hybriddb.migrate;

/**
 * What a {@link DualWriteStore} has done since it was built: the numbers to watch while reads move.
 *
 * @param legacyReads              reads served by the legacy store
 * @param postgresReads            reads served by PostgreSQL
 * @param fallbackReads            reads routed to PostgreSQL that failed there and were served by
 *                                 the legacy store (counted in {@code legacyReads} too)
 * @param secondaryWriteFailures   writes and deletes that reached the primary store but failed on
 *                                 the other one (the consistency check finds and repairs them)
 */
public record MigrationStats(long legacyReads, long postgresReads, long fallbackReads, long secondaryWriteFailures) {
    /** The share of reads PostgreSQL served, 0 to 1 (0 when there were none). */
    public double postgresShare() {
        long total = legacyReads + postgresReads;
        return total == 0 ? 0 : (double) postgresReads / total;
    }
}
