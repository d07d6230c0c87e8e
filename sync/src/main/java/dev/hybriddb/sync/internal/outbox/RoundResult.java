package dev.hybriddb.sync.internal.outbox;

import dev.hybriddb.sync.internal.apply.ApplyStats;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One real-time round: rows claimed, applied (and deleted), left for a later round, and the lag;
 * the tenants whose step succeeded, and those whose step failed (their rows stay, the round went on).
 */
public record RoundResult(int claimed, int applied, int deferred, Set<UUID> busyTenants,
                          long lagMillis, ApplyStats stats, Set<UUID> succeeded, Map<UUID, TenantFailure> failed) {

    public RoundResult(int claimed, int applied, int deferred, Set<UUID> busyTenants, long lagMillis, ApplyStats stats) {
        this(claimed, applied, deferred, busyTenants, lagMillis, stats, Set.of(), Map.of());
    }

    /** A tenant's step that failed: the error, how many outbox rows it held, how long it ran. */
    public record TenantFailure(Exception error, int rows, long elapsedMillis) {
    }
}
