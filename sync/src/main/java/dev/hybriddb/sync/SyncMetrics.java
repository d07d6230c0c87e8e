package dev.hybriddb.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A snapshot of a {@link RealtimeSync}'s counters.
 *
 * @param running       the worker is running
 * @param listening     the LISTEN connection is up
 * @param applied       outbox rows applied to the graph (and deleted) since start
 * @param batches       rounds that applied at least one row
 * @param nodesUpserted nodes upserted
 * @param nodesDeleted  nodes deleted
 * @param edgesWritten  edges written
 * @param errors        failed rounds (graph or PostgreSQL down) and failed tenant steps; their rows
 *                      stayed and were retried
 * @param reconnects    times the LISTEN connection was (re)opened after the first
 * @param graphRestarts restarts of the graph server noticed (its instance id changed) and recovered
 *                      from by rebuilding every tenant graph this consumer had written
 * @param lastLag       for the last batch, the longest time from an outbox row's creation (in the
 *                      writing transaction) to the graph's acknowledgement
 * @param maxLag        the longest such time since start
 * @param backlog       outbox rows waiting now (all tenants), or -1 when PostgreSQL did not answer
 * @param lastBatchAt   when the last batch was committed, or null
 * @param lastError     the last error's class and message, or null
 * @param tenants       per tenant with waiting rows (the {@value #TOP_TENANTS} with the most) or
 *                      with failed steps: its backlog, the age of its oldest row, its failures;
 *                      without backlogs when PostgreSQL did not answer
 */
public record SyncMetrics(boolean running, boolean listening, long applied, long batches, long nodesUpserted,
                          long nodesDeleted, long edgesWritten, long errors, long reconnects, long graphRestarts,
                          Duration lastLag, Duration maxLag, long backlog, Instant lastBatchAt, String lastError,
                          Map<UUID, TenantLag> tenants) {

    /** How many tenants with a backlog {@link #tenants()} lists at most. */
    public static final int TOP_TENANTS = 100;

    public SyncMetrics {
        tenants = Map.copyOf(tenants);
    }

    /** The tenant whose oldest waiting row is the oldest, if any row waits. */
    public Optional<TenantLag> laggiest() {
        return tenants.values().stream().filter(t -> t.backlog() > 0).max(Comparator.comparing(TenantLag::oldestAge));
    }
}
