package dev.hybriddb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.age.AgeGraph;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sync against Apache AGE in the test's own database, the graphs owned by the owner role. */
class AgeSyncIT extends AbstractSyncIT {

    @Override
    protected GraphBackend openBackend(SyncTestDb db) {
        return AgeGraph.inDatabase(db.ownerPool);
    }

    @Test
    void graphsSyncedForTwoTenantsAreClosedToTheApplicationRole() throws Exception {
        Workspace w1 = new Workspace(db.app).seed(4);
        Workspace w2 = new Workspace(db.app).seed(4);
        PostgresSync sync = PostgresSync.builder(db.app, graph).graphNames(names("iso")).build();
        sync.syncWorkspace(w1.tenant);
        sync.syncWorkspace(w2.tenant);
        String other = names("iso").apply(w2.tenant);
        List<String> attacks = List.of(
                "SELECT name::text FROM ag_catalog.ag_graph",
                "SELECT properties::text FROM \"" + other + "\".\"Agent\"",
                "UPDATE \"" + other + "\".\"Agent\" SET properties = properties",
                "SELECT * FROM ag_catalog.cypher('" + other + "', $$ MATCH (n) DETACH DELETE n $$) AS (n ag_catalog.agtype)");
        List<String> states = db.app.inTenant(w1.tenant, c -> {
            List<String> out = new ArrayList<>();
            for (String sql : attacks) {
                Savepoint sp = c.setSavepoint();
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                    out.add("ran: " + sql);
                } catch (SQLException e) {
                    out.add(e.getSQLState());
                    c.rollback(sp);
                }
            }
            return out;
        });
        assertThat(states).as("each attack refused for lack of privilege").containsOnly("42501");
        sync.syncWorkspace(w1.tenant);
        sync.syncWorkspace(w2.tenant);
        db.owner.inTransaction(c -> {                 // no consumer runs here: the seeds' outbox rows are not needed
            Workspace.exec(c, "DELETE FROM hybriddb_sync.hybriddb_outbox");
            return null;
        });
        assertConverged(graph, "iso", w1.tenant);
        assertConverged(graph, "iso", w2.tenant);
        assertThat(count("iso", w2.tenant, "Agent")).isPositive();
    }
}
