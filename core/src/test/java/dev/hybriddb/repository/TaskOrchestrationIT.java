package dev.hybriddb.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TaskOrchestration;
import dev.hybriddb.model.TaskStatus;
import dev.hybriddb.model.TaskType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The orchestration state a task carries, and the withers of its fields. */
@ExtendWith(MigratedDb.Cleanup.class)
class TaskOrchestrationIT {
    private static HybridDB db;
    private static UUID tenant;

    @BeforeAll
    static void setUp() {
        db = MigratedDb.open(2);
        tenant = MigratedDb.newTenant(db).id();
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aNewTaskStartsWithTheSchemaDefaults() {
        Task t = db.withTenant(tenant, s -> s.tasks().create(TaskFields.of("Plan", List.of("java"))
                .withType(TaskType.FEATURE).withPriority(5).withPrompt("Write it")));
        assertThat(t.type()).isEqualTo(TaskType.FEATURE);
        assertThat(t.priority()).isEqualTo(5);
        assertThat(t.prompt()).isEqualTo("Write it");
        assertThat(t.orchestration()).isEqualTo(TaskOrchestration.initial());
    }

    @Test
    void orchestrationStateRoundTripsThroughTheRepository() {
        UUID id = db.withTenant(tenant, s -> s.tasks().create(TaskFields.of("Orchestrated", List.of())).id());
        TaskOrchestration state = TaskOrchestration.initial()
                .withAnalysis(Map.of("complexity", "high", "steps", List.of("spec", "impl")))
                .withCurrentAgent("planner").withAgentQueue(List.of("coder", "reviewer"))
                .withCheckpoint(Map.of("step", "spec", "ok", true));
        Task saved = db.withTenant(tenant, s -> s.tasks().orchestrate(id, state));
        assertThat(saved.orchestration()).isEqualTo(state);

        TaskOrchestration next = saved.orchestration().advance().failed(Map.of("message", "tests failed"));
        Task reread = db.withTenant(tenant, s -> {
            s.tasks().orchestrate(id, next);
            return s.tasks().get(id);
        });
        assertThat(reread.orchestration().currentAgent()).isEqualTo("coder");
        assertThat(reread.orchestration().completedAgents()).containsExactly("planner");
        assertThat(reread.orchestration().agentQueue()).containsExactly("reviewer");
        assertThat(reread.orchestration().retryCount()).isEqualTo(1);
        assertThat(reread.orchestration().error()).containsEntry("message", "tests failed");
        assertThat(reread.orchestration().canRetry()).isTrue();
        assertThat(reread.status()).as("orchestration leaves other columns alone").isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void negativeRetriesAreRefusedAndNothingIsWritten() {
        UUID id = db.withTenant(tenant, s -> s.tasks().create(TaskFields.of("Refused", List.of())).id());
        TaskOrchestration bad = new TaskOrchestration(Map.of(), "x", List.of(), List.of(), -1, 3, Map.of(), List.of());
        assertThatThrownBy(() -> db.withTenant(tenant, s -> s.tasks().orchestrate(id, bad)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("retryCount");
        Task unchanged = db.withTenant(tenant, s -> s.tasks().get(id));
        assertThat(unchanged.orchestration()).isEqualTo(TaskOrchestration.initial());
    }
}
