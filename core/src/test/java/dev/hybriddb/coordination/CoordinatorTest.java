package dev.hybriddb.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.NotFoundException;
import dev.hybriddb.UnavailableException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a coordinator decides before touching any server. */
class CoordinatorTest {
    /** A data source that must never be used here. */
    private static final Database NO_DB = Database.of(new org.postgresql.ds.PGSimpleDataSource());

    @Test
    void withoutAGraphItIsSqlOnly() {
        Coordinator c = Coordinator.of(NO_DB, null);
        assertThat(c.mode()).isEqualTo(CoordinationMode.SQL_ONLY);
        assertThatThrownBy(() -> c.syncFromPostgres(UUID.randomUUID(), EntitySync.of("Agent", "a", Map.of())))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("no");
    }

    @Test
    void argumentsAreCheckedFirst() {
        Coordinator c = Coordinator.of(NO_DB, null);
        UUID t = UUID.randomUUID();
        assertThatThrownBy(() -> c.getAgentNetwork(t, "a", 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> c.getAgentNetwork(t, "a", 6)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> c.getAgentHistory(t, "a", 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> c.getTaskDependencies(t, "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> c.rankAgentsForTask(null, "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> c.createExecutionEdge(t, "pm-1", UUID.randomUUID().toString(),
                NewExecution.of("success", Instant.now(), null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Coordinator.builder(NO_DB).probeInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void newExecutionsAreValidated() {
        Instant start = Instant.parse("2024-01-01T00:00:00.123456789Z");
        NewExecution e = new NewExecution("Timeout", start, start.plusMillis(2500), 3, new BigDecimal("0.1234567"), "m");
        assertThat(e.result()).isEqualTo("timeout");
        assertThat(e.startedAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
        assertThat(e.durationMs()).isEqualTo(2500L);
        assertThat(e.cost()).isEqualByComparingTo("0.123457");
        assertThat(NewExecution.of("success", start, null).durationMs()).isNull();
        assertThatThrownBy(() -> NewExecution.of("success", start, start.minusSeconds(1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewExecution("success", start, null, -1, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewExecution("success", start, null, 0, new BigDecimal("-1"), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void secretsOnApiKeysAreRefusedBeforeAnyServerCall() {
        assertThatThrownBy(() -> new dev.hybriddb.coordination.internal.EntityWriter(null, dev.hybriddb.graph.GraphNames::forTenant).write(UUID.randomUUID(),
                EntitySync.of("ApiKey", "k", Map.of("service", "x", "API_KEY", "sk-123"))))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("sk-123");
        assertThatThrownBy(() -> Relationship.to("BAD TYPE", "Agent", "a")).isInstanceOf(InvalidInputException.class);
    }
}
