package dev.hybriddb.cli;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.graph.GraphBackend;

/** Opens the Apache AGE backend (filled in when the graph-age module lands). */
final class AgeBackend {
    private AgeBackend() {}

    static GraphBackend open(HybridConfig config) {
        throw new ConfigurationException("graph", "age", "the AGE backend is not available in this build");
    }
}
