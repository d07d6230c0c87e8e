package dev.hybriddb.cli;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.age.AgeGraph;

/** Opens the Apache AGE backend in the configured PostgreSQL, as the application role. */
final class AgeBackend {
    private AgeBackend() {}

    static GraphBackend open(HybridConfig config) {
        return AgeGraph.connect(config.jdbcUrl(), config.user(), config.password());
    }
}
