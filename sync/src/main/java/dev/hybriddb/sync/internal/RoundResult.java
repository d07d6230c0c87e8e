package dev.hybriddb.sync.internal;

/** One real-time round: rows claimed, applied (and deleted), left for a later round, and the lag. */
public record RoundResult(int claimed, int applied, int deferred, java.util.Set<java.util.UUID> busyTenants,
                          long lagMillis, ApplyStats stats) {
}
