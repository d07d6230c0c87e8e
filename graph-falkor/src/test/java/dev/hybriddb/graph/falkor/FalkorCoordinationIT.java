package dev.hybriddb.graph.falkor;

import dev.hybriddb.coordination.CoordinationContract;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;

/** The coordination fixture on FalkorDB and PostgreSQL. */
class FalkorCoordinationIT extends CoordinationContract {
    private FalkorGraph graph;

    @Override
    protected GraphBackend graph() {
        if (graph == null) {
            FalkorService falkor = TestServices.falkor();
            graph = FalkorGraph.connect(falkor.host(), falkor.port());
        }
        return graph;
    }

    @Override
    protected void closeGraph() {
        if (graph != null) {
            graph.close();
        }
    }
}
