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
import java.util.concurrent.CountDownLatch;

/** A real backend whose node upserts take a while, so that a test can act in the middle of a batch. */
final class SlowGraph implements GraphBackend {
    private final GraphBackend delegate;
    private final long delayMillis;
    final CountDownLatch entered = new CountDownLatch(1);
    /** Node upserts in progress now, and the most that ever were at once. */
    final java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger mostInside = new java.util.concurrent.atomic.AtomicInteger();

    SlowGraph(GraphBackend delegate, long delayMillis) {
        this.delegate = delegate;
        this.delayMillis = delayMillis;
    }

    @Override public String name() { return delegate.name(); }
    @Override public void ensureGraph(String graph) { delegate.ensureGraph(graph); }
    @Override public void dropGraph(String graph) { delegate.dropGraph(graph); }
    @Override public boolean graphExists(String graph) { return delegate.graphExists(graph); }
    @Override public void createIndex(String graph, String label, String property) { delegate.createIndex(graph, label, property); }

    @Override
    public int upsertNodes(String graph, String label, List<NodeRecord> nodes) {
        entered.countDown();
        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inside.decrementAndGet();
        }
        return delegate.upsertNodes(graph, label, nodes);
    }

    @Override public int upsertEdges(String graph, EdgeType type, List<EdgeRecord> edges) { return delegate.upsertEdges(graph, type, edges); }
    @Override public int deleteNodes(String graph, String label, Collection<String> ids) { return delegate.deleteNodes(graph, label, ids); }
    @Override public int deleteEdges(String graph, EdgeType type, List<EdgeRecord> edges) { return delegate.deleteEdges(graph, type, edges); }
    @Override public void deleteEdgesExcept(String graph, EdgeType type, boolean ownerIsFrom, Map<String, ? extends Collection<String>> keep) {
        delegate.deleteEdgesExcept(graph, type, ownerIsFrom, keep);
    }
    @Override public List<GraphRow> query(String graph, String cypher, Map<String, ?> params) { return delegate.query(graph, cypher, params); }
    @Override public List<GraphRow> execute(String graph, String cypher, Map<String, ?> params) { return delegate.execute(graph, cypher, params); }
    @Override public GraphHealth health() { return delegate.health(); }
    @Override public void close() { }
}
