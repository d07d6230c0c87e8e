package dev.hybriddb.sync.reconcile;

import dev.hybriddb.graph.EdgeType;
import java.util.List;

/**
 * Drift of one edge type: edges {@code missing} from the graph, {@code stale} (property hash
 * differs) and {@code orphaned} (in the graph at a node PostgreSQL has, but not derived from it).
 * Edges at orphaned nodes are not listed: repairing the node removes them.
 */
public record EdgeDrift(EdgeType type, long checked, List<EdgeKey> missing, List<EdgeKey> stale, List<EdgeKey> orphaned) {
    public EdgeDrift {
        missing = List.copyOf(missing);
        stale = List.copyOf(stale);
        orphaned = List.copyOf(orphaned);
    }

    public long total() {
        return missing.size() + stale.size() + orphaned.size();
    }
}
