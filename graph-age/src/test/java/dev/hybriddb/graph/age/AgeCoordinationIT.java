package dev.hybriddb.graph.age;

import dev.hybriddb.coordination.CoordinationContract;
import dev.hybriddb.graph.GraphBackend;

/** The coordination fixture with its graph in AGE, in the fixture's own PostgreSQL database. */
class AgeCoordinationIT extends CoordinationContract {
    private AgeGraph graph;

    @Override
    protected GraphBackend graph() {
        if (graph == null) {
            graph = AgeGraph.inDatabase(fixture.pool);
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
