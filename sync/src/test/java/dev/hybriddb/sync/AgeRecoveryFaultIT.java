package dev.hybriddb.sync;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.age.AgeGraph;
import java.util.List;
import java.util.UUID;

/**
 * Recovery on Apache AGE, whose graphs are as durable as PostgreSQL and whose server restarts
 * lose nothing: the loss is a dropped graph (an operator's mistake, a restore of the wrong schema).
 * A running consumer does not look for it (no restart to notice); the next one to start does.
 * Order 2: the graphs are dropped while no consumer runs. Order 1: the same, and the consumer that
 * starts rebuilding them is killed 2 s into the big tenant's rebuild.
 */
class AgeRecoveryFaultIT extends AbstractRecoveryFaultIT {

    @Override
    protected GraphBackend openGraph() {
        return AgeGraph.inDatabase(db.ownerPool);
    }

    @Override
    protected String graphSpec() {
        return "age";
    }

    /**
     * Drops the graphs on connections of their own, closed after: AGE's drop_graph of a graph
     * with more than 41 labels leaves the session's label cache corrupted (apache/age#2245), and
     * the next statement on that pooled connection would fail.
     */
    @Override
    protected void loseGraphs(List<UUID> tenants) {
        try (AgeGraph dropper = AgeGraph.connect(db.pg.jdbcUrl(), db.pg.adminUser(), db.pg.adminPassword())) {
            tenants.forEach(t -> dropper.dropGraph(names.apply(t)));
        }
    }

    @Override
    protected boolean lossNoticedWhileRunning() {
        return false;
    }

    @Override
    protected int bigTenantTasks() {
        return 8_000;
    }
}
