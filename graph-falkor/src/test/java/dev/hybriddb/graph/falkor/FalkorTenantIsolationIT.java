package dev.hybriddb.graph.falkor;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.TenantGraphIsolationContract;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;

/** Graph isolation on FalkorDB: the graphs are outside PostgreSQL, and tenant work gets no client to them. */
class FalkorTenantIsolationIT extends TenantGraphIsolationContract {
    @Override
    protected GraphBackend openGraph(PostgresService pg) {
        FalkorService falkor = TestServices.falkor();
        return FalkorGraph.connect(falkor.host(), falkor.port());
    }

    @Override
    protected boolean graphsInPostgres() {
        return false;
    }
}
