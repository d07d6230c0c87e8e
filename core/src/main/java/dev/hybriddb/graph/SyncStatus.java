package dev.hybriddb.graph;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of the background sync.
 *
 * @param mode          the sync mode
 * @param running       the consumer runs (false in {@code MANUAL} mode)
 * @param applied       changes applied to the graph since start
 * @param errors        failed rounds since start (their changes stayed queued and were retried)
 * @param graphRestarts restarts of the graph server noticed and recovered from
 * @param backlog       changes waiting in the outbox now (all tenants), or -1 when unknown
 * @param lastLag       commit-to-graph time of the last applied batch's oldest change
 * @param maxLag        the longest such time since start
 * @param lastBatchAt   when the last batch was applied, or null
 * @param lastError     the last error's class and message, or null
 */
public record SyncStatus(SyncMode mode, boolean running, long applied, long errors, long graphRestarts, long backlog,
                         Duration lastLag, Duration maxLag, Instant lastBatchAt, String lastError) {

    /** The status of an instance without a background consumer. */
    public static SyncStatus idle(SyncMode mode, long backlog) {
        return new SyncStatus(mode, false, 0, 0, 0, backlog, Duration.ZERO, Duration.ZERO, null, null);
    }
}
