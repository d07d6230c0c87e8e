package dev.hybriddb.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.UnavailableException;
import dev.hybriddb.model.ExecutionResult;
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
        UUID a = UUID.randomUUID();
        assertThatThrownBy(() -> c.getAgentNetwork(t, a, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> c.getAgentNetwork(t, a, 6)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> c.getAgentHistory(t, a, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> c.getTaskDependencies(t, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("taskId");
        assertThatThrownBy(() -> c.rankAgentsForTask(null, a)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tenantId");
        assertThatThrownBy(() -> c.createExecutionEdge(t, null, a, NewExecution.of(ExecutionResult.SUCCESS, Instant.now(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("agentId");
        assertThatThrownBy(() -> c.createExecutionEdge(t, a, a, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("execution");
        assertThatThrownBy(() -> Coordinator.builder(NO_DB).probeInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void newExecutionsAreValidated() {
        Instant start = Instant.parse("2024-01-01T00:00:00.123456789Z");
        NewExecution e = new NewExecution(ExecutionResult.TIMEOUT, start, start.plusMillis(2500), 3, new BigDecimal("0.1234567"), "m");
        assertThat(e.result()).isEqualTo(ExecutionResult.TIMEOUT);
        assertThat(e.startedAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
        assertThat(e.durationMs()).isEqualTo(2500L);
        assertThat(e.cost()).isEqualByComparingTo("0.123457");
        ExecutionResult ok = ExecutionResult.SUCCESS;
        assertThat(NewExecution.of(ok, start, null).durationMs()).isNull();
        assertThatThrownBy(() -> NewExecution.of(ok, start, start.minusSeconds(1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewExecution(ok, start, null, -1, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewExecution(ok, start, null, 0, new BigDecimal("-1"), null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NewExecution.of(null, start, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> NewExecution.of(ok, null, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void secretsOnApiKeysAreRefusedBeforeAnyServerCall() {
        assertThatThrownBy(() -> new dev.hybriddb.coordination.internal.EntityWriter(null, dev.hybriddb.graph.GraphNames::forTenant).write(UUID.randomUUID(),
                EntitySync.of("ApiKey", "k", Map.of("service", "x", "API_KEY", "sk-123"))))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("sk-123");
        assertThatThrownBy(() -> Relationship.to("BAD TYPE", "Agent", "a")).isInstanceOf(InvalidInputException.class);
        // agents and tasks are keyed by UUID, with known literals: refused before any server call
        var writer = new dev.hybriddb.coordination.internal.EntityWriter(null, dev.hybriddb.graph.GraphNames::forTenant);
        assertThatThrownBy(() -> writer.write(UUID.randomUUID(), EntitySync.of("Agent", "agent-1", Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("agent-1");
        assertThatThrownBy(() -> writer.write(UUID.randomUUID(), EntitySync.of("Task", UUID.randomUUID().toString().toUpperCase(),
                Map.of()))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> writer.write(UUID.randomUUID(), EntitySync.of("Agent", UUID.randomUUID(),
                Map.of("status", "sleeping")))).isInstanceOf(InvalidInputException.class).hasMessageContaining("sleeping");
    }
}
