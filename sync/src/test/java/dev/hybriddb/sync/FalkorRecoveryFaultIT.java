package dev.hybriddb.sync;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.TestServices;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * Recovery on a private FalkorDB without persistence: a kill -9 and restart loses every graph.
 * Order 1: the server restarts while a consumer runs, which then starts rebuilding and is killed.
 * Order 2: the server restarts while no consumer runs.
 */
class FalkorRecoveryFaultIT extends AbstractRecoveryFaultIT {
    private FalkorService server;

    @Override
    protected GraphBackend openGraph() {
        server = TestServices.privateFalkor();
        return FalkorGraph.connect(server.host(), server.port());
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    protected String graphSpec() {
        return "falkor:" + server.host() + ":" + server.port();
    }

    @Override
    protected void loseGraphs(List<UUID> tenants) {
        server.kill9();
        server.start();
    }

    @Override
    protected boolean lossNoticedWhileRunning() {
        return true;
    }

    @Override
    protected int bigTenantTasks() {
        return 3_000;
    }
}
