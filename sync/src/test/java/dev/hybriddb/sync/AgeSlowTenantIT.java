package dev.hybriddb.sync;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.age.AgeGraph;
import java.time.Duration;

/**
 * One slow tenant on Apache AGE: the consumer's AGE pool has a 100 ms statement timeout, so A's
 * 20 MB step is canceled by PostgreSQL while B's small steps go through.
 */
class AgeSlowTenantIT extends AbstractSlowTenantIT {
    private static final Duration TIMEOUT = Duration.ofMillis(100);

    @Override
    protected Duration timeout() {
        return TIMEOUT;
    }

    @Override
    protected String timeoutMessage() {
        return "timed out (statement canceled by PostgreSQL, server reachable)";
    }

    @Override
    protected GraphBackend openLoader() {
        return AgeGraph.connect(db.pg.jdbcUrl(), db.pg.adminUser(), db.pg.adminPassword());
    }

    @Override
    protected String consumerGraph() {
        return "age:" + TIMEOUT.toMillis();
    }
}
