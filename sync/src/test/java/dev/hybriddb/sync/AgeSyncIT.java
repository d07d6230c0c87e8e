package dev.hybriddb.sync;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.age.AgeGraph;

/** Sync against Apache AGE in the test's own database. */
class AgeSyncIT extends AbstractSyncIT {

    @Override
    protected GraphBackend openBackend(SyncTestDb db) {
        return AgeGraph.inDatabase(db.ownerPool);
    }
}
