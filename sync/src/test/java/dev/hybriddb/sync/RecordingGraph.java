package dev.hybriddb.sync;

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

/**
 * A real backend that prints, for a consumer JVM's log, each node upsert it is asked for
 * ({@code graph-write begin <graph>} and {@code graph-write end <graph>}), and waits
 * {@code delayMillis} between the two, so that a test can tell which consumer applied which
 * tenant and kill one in the middle of a batch.
 */
final class RecordingGraph implements GraphBackend {
    static final String BEGIN = "graph-write begin ";
    static final String END = "graph-write end ";

    private final GraphBackend delegate;
    private final long delayMillis;

    RecordingGraph(GraphBackend delegate, long delayMillis) {
        this.delegate = delegate;
        this.delayMillis = delayMillis;
    }

    @Override
    public int upsertNodes(String graph, String label, List<NodeRecord> nodes) {
        System.out.println(BEGIN + graph);
        System.out.flush();
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int n = delegate.upsertNodes(graph, label, nodes);
        System.out.println(END + graph);
        System.out.flush();
        return n;
    }

    @Override public String name() { return delegate.name(); }
    @Override public void ensureGraph(String graph) { delegate.ensureGraph(graph); }
    @Override public void dropGraph(String graph) { delegate.dropGraph(graph); }
    @Override public boolean graphExists(String graph) { return delegate.graphExists(graph); }
    @Override public void createIndex(String graph, String label, String property) { delegate.createIndex(graph, label, property); }
    @Override public int upsertEdges(String graph, EdgeType type, List<EdgeRecord> edges) { return delegate.upsertEdges(graph, type, edges); }
    @Override public int deleteNodes(String graph, String label, Collection<String> ids) { return delegate.deleteNodes(graph, label, ids); }
    @Override public int deleteEdges(String graph, EdgeType type, List<EdgeRecord> edges) { return delegate.deleteEdges(graph, type, edges); }
    @Override public void deleteEdgesExcept(String graph, EdgeType type, boolean ownerIsFrom, Map<String, ? extends Collection<String>> keep) {
        delegate.deleteEdgesExcept(graph, type, ownerIsFrom, keep);
    }
    @Override public List<GraphRow> query(String graph, String cypher, Map<String, ?> params) { return delegate.query(graph, cypher, params); }
    @Override public List<GraphRow> execute(String graph, String cypher, Map<String, ?> params) { return delegate.execute(graph, cypher, params); }
    @Override public GraphHealth health() { return delegate.health(); }
    @Override public Optional<String> serverInstance() { return delegate.serverInstance(); }
    @Override public void close() { delegate.close(); }
}
