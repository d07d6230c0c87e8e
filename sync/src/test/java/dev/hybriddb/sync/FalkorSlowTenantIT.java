package dev.hybriddb.sync;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.time.Duration;

/** One slow tenant on FalkorDB (a private server): the consumer's client has a 50 ms socket timeout. */
class FalkorSlowTenantIT extends AbstractSlowTenantIT {
    private static final Duration TIMEOUT = Duration.ofMillis(50);
    private FalkorService server;

    @Override
    protected Duration timeout() {
        return TIMEOUT;
    }

    @Override
    protected String timeoutMessage() {
        return "statement timed out after " + TIMEOUT.toMillis() + " ms (server reachable";
    }

    @Override
    protected GraphBackend openLoader() {
        server = TestServices.privateFalkor();
        return FalkorGraph.connect(server.host(), server.port());
    }

    @Override
    protected String consumerGraph() {
        return "falkor:" + server.host() + ":" + server.port() + ":" + TIMEOUT.toMillis();
    }

    @Override
    protected void stopServices() {
        if (server != null) {
            server.stop();
        }
    }
}
