package dev.hybriddb.graph.falkor;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphBackendContract;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The backend contract on the shared FalkorDB. */
class FalkorGraphContractIT extends GraphBackendContract {
    private static FalkorGraph graph;

    @BeforeAll
    static void connect() {
        FalkorService falkor = TestServices.falkor();
        graph = FalkorGraph.connect(FalkorConfig.builder(falkor.host(), falkor.port()).batchSize(1_000).build());
    }

    @AfterAll
    static void close() {
        graph.close();
    }

    @Override
    protected GraphBackend backend() {
        return graph;
    }

    @Override
    protected String graphPrefix() {
        return "falkor_contract";
    }
}
