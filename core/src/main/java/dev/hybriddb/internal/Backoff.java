package dev.hybriddb.internal;

import dev.hybriddb.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the exponential delay plus a random other half. */
public final class Backoff {
    private Backoff() {}

    /** The wait before retry number {@code retry} (1-based) under {@code policy}. */
    public static Duration delay(RetryPolicy policy, int retry) {
        long initial = policy.initialDelay().toMillis();
        long cap = policy.maxDelay().toMillis();
        long exp = initial;
        for (int i = 1; i < retry && exp < cap; i++) {
            exp *= 2;
        }
        exp = Math.min(exp, cap);
        long half = exp / 2;
        long jitter = exp - half <= 0 ? 0 : ThreadLocalRandom.current().nextLong(exp - half + 1);
        return Duration.ofMillis(half + jitter);
    }
}
