package dev.hybriddb.graph.age;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.TenantGraphIsolationContract;
import dev.hybriddb.testing.PostgresService;

/**
 * Graph isolation on AGE: the backend connects as the role that owns the graphs; the application
 * role, which tenant work runs as, has no privilege on ag_catalog or on any graph schema.
 */
class AgeTenantIsolationIT extends TenantGraphIsolationContract {
    @Override
    protected GraphBackend openGraph(PostgresService pg) {
        return AgeGraph.connect(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword());
    }

    @Override
    protected boolean graphsInPostgres() {
        return true;
    }
}
