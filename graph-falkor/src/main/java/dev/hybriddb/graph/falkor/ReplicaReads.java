package dev.hybriddb.graph.falkor;

import dev.hybriddb.graph.EdgeRecord;
import dev.hybriddb.graph.EdgeType;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphHealth;
import dev.hybriddb.graph.GraphRow;
import dev.hybriddb.graph.NodeRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link FalkorGraph#replicaReads()}: queries on a replica, everything else on the master. */
final class ReplicaReads implements GraphBackend {
    private final FalkorGraph master;

    ReplicaReads(FalkorGraph master) {
        this.master = master;
    }

    @Override public String name() { return master.name(); }
    @Override public void ensureGraph(String graph) { master.ensureGraph(graph); }
    @Override public void dropGraph(String graph) { master.dropGraph(graph); }
    @Override public boolean graphExists(String graph) { return master.graphExists(graph); }
    @Override public void createIndex(String graph, String label, String property) { master.createIndex(graph, label, property); }
    @Override public int upsertNodes(String graph, String label, List<NodeRecord> nodes) { return master.upsertNodes(graph, label, nodes); }
    @Override public int upsertEdges(String graph, EdgeType type, List<EdgeRecord> edges) { return master.upsertEdges(graph, type, edges); }
    @Override public int deleteNodes(String graph, String label, Collection<String> ids) { return master.deleteNodes(graph, label, ids); }
    @Override public int deleteEdges(String graph, EdgeType type, List<EdgeRecord> edges) { return master.deleteEdges(graph, type, edges); }
    @Override public List<GraphRow> execute(String graph, String cypher, Map<String, ?> params) { return master.execute(graph, cypher, params); }
    @Override public GraphHealth health() { return master.health(); }
    @Override public Optional<String> serverInstance() { return master.serverInstance(); }

    @Override
    public List<GraphRow> query(String graph, String cypher, Map<String, ?> params) {
        return master.queryOnReplica(graph, cypher, params);
    }

    @Override
    public void close() {
        // the master backend owns the connections
    }

    @Override
    public String toString() {
        return "ReplicaReads[" + master.config() + "]";
    }
}
