package dev.hybriddb;

import java.time.Duration;

/**
 * How {@link Database} retries transient failures: up to {@code maxRetries} retries after the first
 * attempt, waiting {@code initialDelay} doubled each time (capped at {@code maxDelay}), with jitter.
 *
 * @param maxRetries   retries after the first attempt, 0 to 100
 * @param initialDelay wait before the first retry, 0 to 10 minutes
 * @param maxDelay     cap of any single wait, at least {@code initialDelay}
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {
    private static final Duration LIMIT = Duration.ofMinutes(10);

    /** Validates the policy. */
    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > 100) {
            throw new InvalidInputException("maxRetries", maxRetries, "must be between 0 and 100");
        }
        if (initialDelay == null || initialDelay.isNegative() || initialDelay.compareTo(LIMIT) > 0) {
            throw new InvalidInputException("initialDelay", initialDelay, "must be between 0 and 10 minutes");
        }
        if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0 || maxDelay.compareTo(LIMIT) > 0) {
            throw new InvalidInputException("maxDelay", maxDelay, "must be between initialDelay and 10 minutes");
        }
    }

    /** The defaults: 3 retries, starting at one second, capped at 30 seconds. */
    public static RetryPolicy defaults() {
        return of(3, Duration.ofSeconds(1));
    }

    /** {@code maxRetries} retries starting at {@code initialDelay}, capped at 32 times that. */
    public static RetryPolicy of(int maxRetries, Duration initialDelay) {
        Duration cap = initialDelay == null ? null : initialDelay.multipliedBy(32);
        return new RetryPolicy(maxRetries, initialDelay, cap == null || cap.compareTo(LIMIT) > 0 ? LIMIT : cap);
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }
}
