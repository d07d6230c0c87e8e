package dev.hybriddb.cli;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.age.AgeGraph;

/**
 * Opens the Apache AGE backend in the configured PostgreSQL as the role that owns the graphs: the
 * migration role when one is configured (the application role must have no access to AGE, or
 * tenant code could read every tenant's graph; {@code doctor} checks that).
 */
final class AgeBackend {
    private AgeBackend() {}

    static GraphBackend open(HybridConfig config) {
        return AgeGraph.connect(config.jdbcUrl(), config.migrationUser(), config.migrationPassword() == null ? ""
                : config.migrationPassword());
    }
}
