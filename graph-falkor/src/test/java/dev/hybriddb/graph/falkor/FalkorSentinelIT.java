package dev.hybriddb.graph.falkor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.UnavailableException;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.NodeRecord;
import dev.hybriddb.testing.FalkorSentinelGroup;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FalkorDB behind Sentinel: writes reach the master the Sentinels name, {@link FalkorGraph#replicaReads()}
 * answers from a replica (its {@code GRAPH.RO_QUERY} count rises), and after the master is killed the
 * same backend writes to the promoted replica with no step of the caller's.
 */
class FalkorSentinelIT {

    @Test
    void writesFollowTheMasterAndReadsGoToTheReplica() throws Exception {
        try (FalkorSentinelGroup group = TestServices.privateFalkorSentinel(1, 2, 1)) {
            FalkorService master = group.currentMaster();
            FalkorService replica = group.servers().stream().filter(s -> s.port() != master.port()).findFirst().orElseThrow();
            List<FalkorConfig.Address> sentinels = group.sentinels().stream()
                    .map(s -> new FalkorConfig.Address(s.host(), s.port())).toList();
            FalkorConfig config = FalkorConfig.sentinel(FalkorSentinelGroup.MASTER_NAME, sentinels)
                    .connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofSeconds(2)).queryTimeout(Duration.ofSeconds(2))
                    .readReplicas(List.of(new FalkorConfig.Address(replica.host(), replica.port()))).build();
            assertThat(config.toString()).contains("sentinel master=hybriddb");
            try (FalkorGraph graph = FalkorGraph.connect(config)) {
                graph.upsertNodes("sent_g", "Agent", List.of(NodeRecord.of("a1", Map.of("n", 1L))));
                assertThat(((String) master.command("GRAPH.LIST").toString())).contains("sent_g");

                GraphBackend reads = graph.replicaReads();
                long before = roQueries(replica);
                awaitCount(reads, 1);
                assertThat(roQueries(replica)).as("the read ran on the replica").isGreaterThan(before);

                master.kill9();
                FalkorService promoted = group.awaitFailoverFrom(master, Duration.ofSeconds(60));
                assertThat(promoted.port()).isEqualTo(replica.port());
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (true) {
                    try {
                        graph.upsertNodes("sent_g", "Agent", List.of(NodeRecord.of("a2", Map.of("n", 2L))));
                        break;
                    } catch (UnavailableException e) {
                        if (System.nanoTime() > deadline) {
                            throw e;
                        }
                        Thread.sleep(100);
                    }
                }
                assertThat(graph.query("sent_g", "MATCH (n:Agent) RETURN count(n) AS c", Map.of()).get(0).getLong("c")).isEqualTo(2);
                // the configured replica is the master now; replica reads still answer
                awaitCount(reads, 2);
            }
        }
    }

    @Test
    void sentinelsThatDoNotAnswerAreAClearError() {
        FalkorConfig config = FalkorConfig.sentinel("hybriddb", List.of(new FalkorConfig.Address("127.0.0.1", 1)))
                .connectTimeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> FalkorGraph.connect(config)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("hybriddb").hasMessageContaining("127.0.0.1:1");
    }

    private static void awaitCount(GraphBackend reads, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                if (reads.query("sent_g", "MATCH (n:Agent) RETURN count(n) AS c", Map.of()).get(0).getLong("c") == expected) {
                    return;
                }
            } catch (RuntimeException e) {
                // the replica has not received the graph yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("replica reads did not see " + expected + " nodes");
            }
            Thread.sleep(50);
        }
    }

    private static long roQueries(FalkorService server) {
        String stats = (String) server.command("INFO", "commandstats");
        for (String line : stats.split("\r?\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("cmdstat_graph.ro_query:calls=")) {
                return Long.parseLong(line.substring(line.indexOf('=') + 1, line.indexOf(',')));
            }
        }
        return 0;
    }
}
