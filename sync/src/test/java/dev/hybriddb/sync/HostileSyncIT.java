package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.graph.RebuildResult;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.internal.Text;
import dev.hybriddb.model.AgentRole;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.Task;
import dev.hybriddb.model.TaskFields;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.model.TenantType;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same text rule on the graph path: values the repositories refuse never reach PostgreSQL,
 * so manual sync (PostgresSync into FalkorDB) never sees them, and the graph backend refuses them
 * too when written directly. Valid edge cases (emoji, other paired surrogates, text at exactly the
 * limit) reach the graph byte for byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSyncIT {
    private static final String EMOJI = "\uD83D\uDE80";
    private SyncTestDb db;
    private HybridDB hybrid;
    private GraphBackend graph;
    private UUID tenant;
    private String graphName;

    @BeforeAll
    void setUp() {
        db = SyncTestDb.create("sync_hostile");
        HybridConfig cfg = HybridConfig.builder().url(db.pg.jdbcUrl()).user(db.pg.appUser()).password(db.pg.appPassword())
                .migrationUser(db.pg.adminUser()).migrationPassword(db.pg.adminPassword()).minPoolSize(0).maxPoolSize(2)
                .poolName("hostile-sync").build();
        hybrid = HybridDB.builder().config(cfg).build();
        String slug = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        tenant = hybrid.createTenant(TenantFields.of("Hostile", slug).withType(TenantType.ENTERPRISE)).id();
        FalkorService f = TestServices.falkor();
        graph = FalkorGraph.connect(f.host(), f.port());
        graphName = Identifiers.graph("hostile_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    @AfterAll
    void tearDown() {
        if (graph != null) {
            try {
                graph.dropGraph(graphName);
            } catch (RuntimeException ignored) {
                // best effort
            }
            graph.close();
        }
        if (hybrid != null) {
            hybrid.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private PostgresSync manual() {
        return PostgresSync.builder(db.app, graph).graphNames(t -> graphName).build();
    }

    private long agentNodes() {
        graph.ensureGraph(graphName);
        return graph.query(graphName, "MATCH (n:Agent) RETURN count(n) AS c", Map.of()).get(0).getLong("c");
    }

    @Test
    void refusedValuesNeverReachTheGraphAndValidOnesArriveByteForByte() {
        List<String> valid = List.of(EMOJI.repeat(Text.NAME), "\uD800\uDC00\uDBFF\uDFFF" + EMOJI + "\u200D\uFEFF",
                "'\"\\`$ {}) DETACH DELETE n //" + EMOJI, "n".repeat(Text.NAME), "\u0001\u001f\u007f\t\n");
        List<UUID> ids = new ArrayList<>();
        for (String name : valid) {
            ids.add(hybrid.withTenant(tenant, s -> s.agents().create(AgentFields.of(name, AgentRole.WORKER, "m", List.of(EMOJI)))).id());
        }
        long rows = hybrid.withTenant(tenant, s -> s.agents().count());
        for (String bad : List.of("a\u0000b", "a\uD800b", "\uDC00", EMOJI + "\uD83D", "n".repeat(Text.NAME + 1))) {
            assertThatThrownBy(() -> hybrid.useTenant(tenant, s -> s.agents().create(AgentFields.of(bad, AgentRole.WORKER, "m", List.of()))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
            assertThatThrownBy(() -> hybrid.useTenant(tenant, s -> s.tasks().create(TaskFields.of("t", List.of(bad)))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("requiredCapabilities[0]"));
        }
        long agentsAfter = hybrid.withTenant(tenant, s -> s.agents().count());
        long tasksAfter = hybrid.withTenant(tenant, s -> s.tasks().count());
        assertThat(agentsAfter).isEqualTo(rows);
        assertThat(tasksAfter).isZero();

        RebuildResult rebuilt = manual().syncWorkspace(tenant);
        assertThat(rebuilt).isNotNull();
        assertThat(agentNodes()).isEqualTo(rows);
        for (int i = 0; i < valid.size(); i++) {
            UUID id = ids.get(i);
            assertThat(manual().syncAgent(tenant, id)).isNotNull();
            List<GraphRow> back = graph.query(graphName, "MATCH (n:Agent {id: $id}) RETURN n.name AS name, n.capabilities AS caps",
                    Map.of("id", id.toString()));
            assertThat(back).hasSize(1);
            assertThat(back.get(0).getString("name").getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(valid.get(i).getBytes(StandardCharsets.UTF_8));
            assertThat(back.get(0).get("caps")).isEqualTo(List.of(EMOJI));
        }
        Task task = hybrid.withTenant(tenant, s -> s.tasks().create(TaskFields.of("T".repeat(Text.TITLE - 1) + EMOJI, List.of())));
        manual().syncTask(tenant, task.id());
        assertThat(graph.query(graphName, "MATCH (n:Task {id: $id}) RETURN n.title AS t", Map.of("id", task.id().toString()))
                .get(0).getString("t")).isEqualTo("T".repeat(Text.TITLE - 1) + EMOJI);
    }

    @Test
    void theGraphBackendRefusesTheSameValuesWrittenDirectly() {
        graph.ensureGraph(graphName);
        long before = agentNodes();
        for (String bad : List.of("a\u0000b", "a\uD800b", "\uDC00")) {
            assertThatThrownBy(() -> graph.upsertNodes(graphName, "Agent",
                    List.of(NodeRecord.of(UUID.randomUUID().toString(), Map.of("name", bad)))))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
        }
        assertThat(agentNodes()).isEqualTo(before);
        Agent a = hybrid.withTenant(tenant, s -> s.agents().create(AgentFields.of(EMOJI, AgentRole.WORKER, "m", List.of())));
        assertThat(a.name()).isEqualTo(EMOJI);
    }
}
