package dev.hybriddb.graph.falkor;

import static dev.hybriddb.coordination.CoordinationFixture.A1;
import static dev.hybriddb.coordination.CoordinationFixture.C1;
import static dev.hybriddb.coordination.CoordinationFixture.PM;
import static dev.hybriddb.coordination.CoordinationFixture.TX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.coordination.AgentAssignment;
import dev.hybriddb.coordination.CoordinationFixture;
import dev.hybriddb.coordination.CoordinationMode;
import dev.hybriddb.coordination.Coordinator;
import dev.hybriddb.coordination.ExecutionRecord;
import dev.hybriddb.coordination.NewExecution;
import dev.hybriddb.model.ExecutionResult;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kill -9 the FalkorDB under a Coordinator: answers keep coming, from PostgreSQL, the switch is
 * logged once and {@link Coordinator#mode()} says so; after a restart (and a reload of the graph,
 * which this server does not persist) the answers come from the graph again.
 */
class FalkorCoordinationFaultIT {

    @Test
    void fallsBackToSqlWhenTheGraphDiesAndReturnsWhenItIsBack() throws Exception {
        FalkorService falkor = TestServices.privateFalkor();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        try (CoordinationFixture fixture = CoordinationFixture.inPostgres();
             FalkorGraph graph = FalkorGraph.connect(FalkorConfig.builder(falkor.host(), falkor.port())
                     .connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofSeconds(5))
                     .queryTimeout(Duration.ofSeconds(5)).borrowTimeout(Duration.ofSeconds(2)).build())) {
            fixture.loadGraph(graph);
            Coordinator coordinator = Coordinator.builder(fixture.db).graph(graph).probeInterval(Duration.ofMillis(200)).build();
            Coordinator sqlOnly = Coordinator.of(fixture.db, null);
            List<AgentAssignment> expected = sqlOnly.rankAgentsForTask(fixture.tenant, TX);

            assertThat(coordinator.rankAgentsForTask(fixture.tenant, TX)).isEqualTo(expected);
            assertThat(coordinator.mode()).isEqualTo(CoordinationMode.GRAPH);

            System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
            falkor.kill9();
            for (int i = 0; i < 5; i++) {
                assertThat(coordinator.rankAgentsForTask(fixture.tenant, TX)).isEqualTo(expected);
                assertThat(coordinator.getTaskDependencies(fixture.tenant, C1))
                        .isEqualTo(sqlOnly.getTaskDependencies(fixture.tenant, C1));
                assertThat(coordinator.getPMTeamOverview(fixture.tenant, PM)).isEqualTo(sqlOnly.getPMTeamOverview(fixture.tenant, PM));
                assertThat(coordinator.getAgentNetwork(fixture.tenant, A1, 2)).isEqualTo(sqlOnly.getAgentNetwork(fixture.tenant, A1, 2));
                assertThat(coordinator.mode()).isEqualTo(CoordinationMode.SQL_FALLBACK);
            }
            ExecutionRecord during = coordinator.createExecutionEdge(fixture.tenant, A1, C1,
                    NewExecution.of(ExecutionResult.SUCCESS, Instant.parse("2024-03-01T00:00:00Z"), null));
            assertThat(coordinator.getAgentHistory(fixture.tenant, A1, 5)).containsExactly(during);
            assertThat(coordinator.mode()).isEqualTo(CoordinationMode.SQL_FALLBACK);
            Thread.sleep(300); // let a probe fall due while the server is still down
            assertThat(coordinator.rankAgentsForTask(fixture.tenant, TX)).isEqualTo(expected);
            assertThat(coordinator.mode()).isEqualTo(CoordinationMode.SQL_FALLBACK);

            falkor.start();
            fixture.loadGraph(graph); // the restarted server is empty: the sync would reload it
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (coordinator.mode() != CoordinationMode.GRAPH && System.nanoTime() < deadline) {
                assertThat(coordinator.rankAgentsForTask(fixture.tenant, TX)).isEqualTo(expected);
                Thread.sleep(50);
            }
            assertThat(coordinator.mode()).isEqualTo(CoordinationMode.GRAPH);
            assertThat(coordinator.rankAgentsForTask(fixture.tenant, TX)).isEqualTo(expected);
            assertThat(coordinator.getTaskDependencies(fixture.tenant, C1)).isEqualTo(sqlOnly.getTaskDependencies(fixture.tenant, C1));
            assertThat(coordinator.mode()).isEqualTo(CoordinationMode.GRAPH);
            // the graph answers: the execution recorded during the outage has no edge there yet
            assertThat(graph.query(fixture.graphName(), "MATCH ()-[e:EXECUTED]->() RETURN count(e) AS n", Map.of())
                    .get(0).getLong("n")).isZero();

            System.setErr(originalErr);
            String text = log.toString(StandardCharsets.UTF_8);
            assertThat(text.lines().filter(l -> l.contains("WARN") && l.contains("unreachable"))).hasSize(1);
            assertThat(text.lines().filter(l -> l.contains("reachable again"))).hasSize(1);
        } finally {
            System.setErr(originalErr);
            falkor.stop();
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
