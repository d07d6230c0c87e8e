package dev.hybriddb.cli.internal;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.falkor.FalkorConfig;
import dev.hybriddb.graph.falkor.FalkorGraph;
import java.time.Duration;

/** Opens the graph backend the options name. */
public final class Backends {
    private Backends() {}

    /** The FalkorDB backend with short timeouts suited to a command line tool. */
    public static GraphBackend falkor(String host, int port, String password) {
        return FalkorGraph.connect(FalkorConfig.builder(host, port).password(password).poolSize(2)
                .connectTimeout(Duration.ofSeconds(2)).borrowTimeout(Duration.ofSeconds(5)).build());
    }
}
