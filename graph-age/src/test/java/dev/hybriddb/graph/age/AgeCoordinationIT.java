package dev.hybriddb.graph.age;

import dev.hybriddb.coordination.CoordinationContract;
import dev.hybriddb.graph.GraphBackend;

/**
 * The coordination fixture with its graph in AGE, in the fixture's own PostgreSQL database,
 * written and read as the role that owns the graphs (the fixture's rows are the application role's).
 */
class AgeCoordinationIT extends CoordinationContract {
    private AgeGraph graph;

    @Override
    protected GraphBackend graph() {
        if (graph == null) {
            graph = AgeGraph.connect(fixture.pg.jdbcUrl(), fixture.pg.adminUser(), fixture.pg.adminPassword());
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
