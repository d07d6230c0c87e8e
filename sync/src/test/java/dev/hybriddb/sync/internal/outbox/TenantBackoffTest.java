package dev.hybriddb.sync.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.UnavailableException;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.graph.GraphTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantBackoffTest {
    private static final GraphTimeoutException TIMEOUT =
            new GraphTimeoutException("statement timed out after 500 ms (server reachable)", Duration.ofMillis(500), null);

    @Test
    void aTimeoutHalvesTheTenantsRowsDownToOneAndSuccessDoublesThemBack() {
        TenantBackoff b = new TenantBackoff(1000, Duration.ofSeconds(2));
        UUID slow = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        assertThat(b.failed(slow, TIMEOUT, 1000, 700).rowLimit()).isEqualTo(500);
        assertThat(b.failed(slow, TIMEOUT, 500, 700).rowLimit()).isEqualTo(250);
        for (int i = 0; i < 20; i++) {
            b.failed(slow, TIMEOUT, 1, 700);
        }
        assertThat(b.snapshot().get(slow).rowLimit()).isEqualTo(1);
        assertThat(b.limited()).containsOnlyKeys(slow);
        assertThat(b.waiting(System.nanoTime())).containsExactly(slow).doesNotContain(other);
        b.succeeded(slow);
        assertThat(b.snapshot().get(slow).rowLimit()).isEqualTo(2);
        assertThat(b.snapshot().get(slow).failures()).isZero();
        assertThat(b.waiting(System.nanoTime())).isEmpty();
        for (int i = 0; i < 10; i++) {
            b.succeeded(slow);
        }
        assertThat(b.snapshot()).isEmpty();
        assertThat(b.limited()).isEmpty();
        b.succeeded(other);                                 // never failed: nothing to clear
        assertThat(b.snapshot()).isEmpty();
    }

    @Test
    void otherFailuresKeepTheRowsAndBackOffExponentiallyUpToTheMaximum() {
        TenantBackoff b = new TenantBackoff(1000, Duration.ofSeconds(2));
        UUID t = UUID.randomUUID();
        long before = System.nanoTime();
        TenantBackoff.State s = b.failed(t, new GraphException("refused"), 1000, 5);
        assertThat(s.rowLimit()).isEqualTo(1000);
        assertThat(s.retryAtNanos() - before).isBetween(Duration.ofMillis(100).toNanos(), Duration.ofMillis(1100).toNanos());
        for (int i = 0; i < 30; i++) {
            s = b.failed(t, new GraphException("refused"), 1000, 5);
        }
        assertThat(s.retryAtNanos() - System.nanoTime()).isLessThanOrEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(s.failures()).isEqualTo(31);
        assertThat(s.lastError()).isEqualTo("GraphException: refused");
        assertThat(b.limited()).isEmpty();
    }

    @Test
    void aTimeoutWaitsAtLeastAsLongAsTheStepTookSinceTheServerMayStillRunIt() {
        TenantBackoff b = new TenantBackoff(1000, Duration.ofSeconds(30));
        long before = System.nanoTime();
        TenantBackoff.State s = b.failed(UUID.randomUUID(), TIMEOUT, 1000, 4000);
        assertThat(s.retryAtNanos() - before).isGreaterThanOrEqualTo(Duration.ofMillis(4000).toNanos());
    }

    @Test
    void onlyFailuresOfOneTenantsStepStayWithThatTenant() {
        assertThat(OutboxConsumer.failsTenantOnly(TIMEOUT)).isTrue();
        assertThat(OutboxConsumer.failsTenantOnly(new GraphException("refused"))).isTrue();
        assertThat(OutboxConsumer.failsTenantOnly(new SQLException("bad row", "22P02"))).isTrue();
        assertThat(OutboxConsumer.failsTenantOnly(new UnavailableException("FalkorDB is unreachable", null))).isFalse();
        assertThat(OutboxConsumer.failsTenantOnly(new SQLException("connection lost", "08006"))).isFalse();
        assertThat(OutboxConsumer.failsTenantOnly(new SQLException("shutdown", "57P01"))).isFalse();
    }
}
