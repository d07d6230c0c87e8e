package dev.hybriddb.cli.internal;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.falkor.FalkorConfig;
import dev.hybriddb.graph.falkor.FalkorGraph;
import java.time.Duration;

/** Opens the graph backend the options name. */
public final class Backends {
    private Backends() {}

    /**
     * The FalkorDB backend from the environment ({@link FalkorConfig#fromEnvironment}), host and port
     * replaced by the command line's when it gives them, with short timeouts suited to a command
     * line tool.
     */
    public static GraphBackend falkor(java.util.Map<String, String> env, String host, Integer port) {
        java.util.Map<String, String> merged = new java.util.HashMap<>(env);
        if (host != null) merged.put("HYBRIDDB_FALKOR_HOST", host);
        if (port != null) merged.put("HYBRIDDB_FALKOR_PORT", port.toString());
        return FalkorGraph.connect(FalkorConfig.fromEnvironment(merged).poolSize(2)
                .connectTimeout(Duration.ofSeconds(2)).borrowTimeout(Duration.ofSeconds(5)).build());
    }
}
