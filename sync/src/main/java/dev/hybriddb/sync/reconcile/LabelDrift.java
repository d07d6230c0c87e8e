package dev.hybriddb.sync.reconcile;

import java.util.List;

/**
 * Drift of one label: node ids {@code missing} from the graph, {@code stale} (property hash
 * differs) and {@code orphaned} (in the graph, not in PostgreSQL); {@code checked} rows compared.
 */
public record LabelDrift(String label, long checked, List<String> missing, List<String> stale, List<String> orphaned) {
    public LabelDrift {
        missing = List.copyOf(missing);
        stale = List.copyOf(stale);
        orphaned = List.copyOf(orphaned);
    }

    public long total() {
        return missing.size() + stale.size() + orphaned.size();
    }
}
