package dev.hybriddb.examples;

import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import dev.hybriddb.graph.GraphNames;
import java.util.UUID;

/** Test helpers: settings for a fresh database, and removal of the tenants' graphs afterwards. */
final class Examples {
    private Examples() {}

    static ExampleSettings settings(PostgresService db) {
        FalkorService falkor = TestServices.falkor();
        return new ExampleSettings(db.jdbcUrl(), db.adminUser(), db.adminPassword(), db.appUser(), db.appPassword(),
                falkor.host(), falkor.port());
    }

    /** Drops the FalkorDB graphs of the tenants an example created. */
    static void dropGraphs(ExampleSettings settings, UUID... tenants) {
        try (FalkorGraph g = settings.falkor()) {
            for (UUID t : tenants) {
                g.dropGraph(GraphNames.forTenant(t));
            }
        }
    }
}
