package dev.hybriddb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void growsExponentiallyWithJitterAndCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        for (int i = 0; i < 200; i++) {
            assertThat(Backoff.delay(p, 1).toMillis()).isBetween(50L, 100L);
            assertThat(Backoff.delay(p, 3).toMillis()).isBetween(200L, 400L);
            assertThat(Backoff.delay(p, 9).toMillis()).isBetween(500L, 1000L);
        }
    }

    @Test
    void zeroDelayStaysZero() {
        assertThat(Backoff.delay(RetryPolicy.none(), 1)).isEqualTo(Duration.ZERO);
    }
}
