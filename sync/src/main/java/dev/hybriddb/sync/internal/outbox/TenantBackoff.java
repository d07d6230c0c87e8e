package dev.hybriddb.sync.internal.outbox;

import dev.hybriddb.graph.GraphTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The tenants whose last real-time step failed, each on its own: excluded from claims until its
 * retry time, and, after a timeout, limited to half the rows of the step that timed out (down to
 * one row) so that an oversized batch is split rather than retried whole. A success clears the
 * failures and doubles the limit again, up to the batch size. Used by the consumer's thread only;
 * {@link #snapshot()} may be read from any thread.
 */
public final class TenantBackoff {
    private static final long FIRST_MILLIS = 100;

    private final int batchSize;
    private final Duration max;
    private final Map<UUID, State> states = new ConcurrentHashMap<>();

    /** One tenant's state: consecutive failures, when it may be retried, how many rows, the last error. */
    public record State(int failures, long retryAtNanos, int rowLimit, String lastError) {
    }

    public TenantBackoff(int batchSize, Duration max) {
        this.batchSize = batchSize;
        this.max = max;
    }

    /** Tenants still waiting for their retry time at {@code nowNanos}. */
    public Set<UUID> waiting(long nowNanos) {
        return states.entrySet().stream().filter(e -> e.getValue().retryAtNanos - nowNanos > 0)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Tenants held to fewer rows than the batch size, with their limit. */
    public Map<UUID, Integer> limited() {
        return states.entrySet().stream().filter(e -> e.getValue().rowLimit < batchSize)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().rowLimit));
    }

    /** The tenant's step succeeded with {@code rows} rows. */
    public void succeeded(UUID tenant) {
        State s = states.get(tenant);
        if (s == null) {
            return;
        }
        int limit = (int) Math.min(batchSize, 2L * s.rowLimit);
        if (limit >= batchSize) {
            states.remove(tenant);
        } else {
            states.put(tenant, new State(0, System.nanoTime(), limit, s.lastError));
        }
    }

    /**
     * The tenant's step of {@code rows} rows failed with {@code error} after {@code elapsedMillis};
     * returns the new state. A timeout halves the rows and waits at least as long as the step took
     * (the server may still be running the statement); anything else keeps the limit and backs off
     * exponentially from 100 ms to the maximum.
     */
    public State failed(UUID tenant, Throwable error, int rows, long elapsedMillis) {
        State s = states.get(tenant);
        int failures = s == null ? 1 : s.failures + 1;
        long wait = Math.min(max.toMillis(), FIRST_MILLIS << Math.min(20, failures - 1));
        int limit = s == null ? batchSize : s.rowLimit;
        if (error instanceof GraphTimeoutException) {
            limit = Math.max(1, Math.min(limit, rows / 2));
            wait = Math.max(wait, Math.min(max.toMillis(), elapsedMillis));
        }
        State next = new State(failures, System.nanoTime() + Duration.ofMillis(wait).toNanos(), limit,
                error.getClass().getSimpleName() + ": " + error.getMessage());
        states.put(tenant, next);
        return next;
    }

    /** The tenants in trouble now (failing or still limited). */
    public Map<UUID, State> snapshot() {
        return Map.copyOf(states);
    }
}
