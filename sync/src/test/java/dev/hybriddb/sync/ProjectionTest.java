package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.sync.projection.Conversion;
import dev.hybriddb.sync.projection.NodeMapping;
import dev.hybriddb.sync.projection.Projection;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    @Test
    void defaultsCoverTheGraphModel() {
        Projection p = Projection.defaults();
        assertThat(p.labels()).contains("User", "Guest", "Team", "App", "KanbanBoard", "TaskState", "Task", "Agent",
                "Swarm", "Project", "ApiKey");
        assertThat(p.edgeTypes()).contains(
                EdgeType.of("User", "OWNS", "Team"),
                EdgeType.of("User", "OWNS", "KanbanBoard"),
                EdgeType.of("User", "MEMBER_OF", "Team"),
                EdgeType.of("Task", "BELONGS_TO", "TaskState"),
                EdgeType.of("TaskState", "BELONGS_TO", "KanbanBoard"),
                EdgeType.of("Task", "DEPENDS_ON", "Task"),
                EdgeType.of("Agent", "ASSIGNED_TO", "Task"),
                EdgeType.of("Agent", "MANAGES", "Agent"),
                EdgeType.of("Agent", "COORDINATES", "Task"),
                EdgeType.of("Agent", "EXECUTED", "Task"),
                EdgeType.of("Agent", "MEMBER_OF", "Swarm"),
                EdgeType.of("Agent", "HAS_ACCESS_TO", "ApiKey"),
                EdgeType.of("Project", "DEPENDS_ON", "Project"));
    }

    @Test
    void defaultsCoverContributionsLessonsAndAgentTasks() {
        Projection p = Projection.defaults();
        assertThat(p.labels()).contains("Contributor", "Asset", "Lesson", "AgentTask");
        assertThat(p.edgeTypes()).contains(
                EdgeType.of("Contributor", "CONTRIBUTED_TO", "Asset"),
                EdgeType.of("Lesson", "LEARNED_IN", "Project"),
                EdgeType.of("Agent", "ASSIGNED_TO", "AgentTask"));
        assertThat(p.node("contributors").orElseThrow().columns()).doesNotContain("wallet_address");
        assertThat(p.node("agent_tasks").orElseThrow().columns()).doesNotContain("command", "output", "decision_prompt");
        for (String table : new String[] {"events", "sessions", "budgets", "audit_logs", "documents", "memories"}) {
            assertThat(p.node(table)).as(table).isEmpty();
        }
    }

    @Test
    void apiKeysNeverCarryTheirSecret() {
        NodeMapping keys = Projection.defaults().node("api_keys").orElseThrow();
        assertThat(keys.columns()).doesNotContain("ciphertext", "nonce");
        assertThatThrownBy(() -> Projection.defaults().toBuilder()
                .node("api_keys", "ApiKey", n -> n.properties("service", "ciphertext")).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> Projection.builder()
                .node("accounts", "Account", n -> n.properties("password_hash")).build())
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void applicationsAddTheirTables() {
        Projection p = Projection.defaults().toBuilder()
                .node("invoices", "Invoice", n -> n.properties("amount", "issued_at").edgeTo("user_id", "BILLED_TO", "User"))
                .build();
        assertThat(p.node("invoices")).isPresent();
        assertThat(p.edgeTypes()).contains(EdgeType.of("Invoice", "BILLED_TO", "User"));
        assertThat(Projection.defaults().node("invoices")).isEmpty();
        assertThat(p.nodes().get(0).table()).isEqualTo("users");
    }

    @Test
    void identifiersAreChecked() {
        assertThatThrownBy(() -> Projection.builder().node("users; drop table x", "User", n -> { }).build())
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Projection.builder().node("users", "User`) DETACH DELETE n //", n -> { }).build())
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Projection.builder().node("users", "User", n -> n.properties("Name")).build())
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Projection.builder().node("users", "User", n -> n.property("name", "id", Conversion.AUTO)).build())
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void edgesMustEndAtProjectedLabels() {
        assertThatThrownBy(() -> Projection.builder()
                .node("tasks", "Task", n -> n.edgeFrom("assigned_agent_id", "ASSIGNED_TO", "Agent")).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Agent");
        assertThatThrownBy(() -> Projection.builder()
                .node("users", "User", n -> { })
                .node("people", "User", n -> { }).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("two tables");
    }

    @Test
    void operationsParse() {
        assertThat(Operation.parse("insert")).isEqualTo(Operation.INSERT);
        assertThat(Operation.parse("U")).isEqualTo(Operation.UPDATE);
        assertThat(Operation.parse("DELETE")).isEqualTo(Operation.DELETE);
        assertThatThrownBy(() -> Operation.parse("TRUNCATE")).isInstanceOf(InvalidInputException.class);
    }
}
