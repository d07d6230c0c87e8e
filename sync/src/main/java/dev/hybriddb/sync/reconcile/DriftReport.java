package dev.hybriddb.sync.reconcile;

import java.util.List;
import java.util.UUID;

/**
 * What {@link Reconciler#check(UUID)} found for one tenant: drift per label and per edge type.
 * {@code truncated} when more entities drifted than the reconciler keeps (its repair then
 * rebuilds the tenant's graph).
 */
public record DriftReport(UUID tenantId, String graph, List<LabelDrift> labels, List<EdgeDrift> edges, boolean truncated) {
    public DriftReport {
        labels = List.copyOf(labels);
        edges = List.copyOf(edges);
    }

    /** Entities that drifted, all kinds together. */
    public long total() {
        return labels.stream().mapToLong(LabelDrift::total).sum() + edges.stream().mapToLong(EdgeDrift::total).sum();
    }

    /** True when the graph matches PostgreSQL. */
    public boolean isClean() {
        return total() == 0 && !truncated;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DriftReport[").append(graph).append(", total=").append(total());
        labels.stream().filter(l -> l.total() > 0).forEach(l -> sb.append(", ").append(l.label()).append(": missing=")
                .append(l.missing().size()).append(" stale=").append(l.stale().size()).append(" orphaned=").append(l.orphaned().size()));
        edges.stream().filter(e -> e.total() > 0).forEach(e -> sb.append(", ").append(e.type()).append(": missing=")
                .append(e.missing().size()).append(" stale=").append(e.stale().size()).append(" orphaned=").append(e.orphaned().size()));
        return sb.append(truncated ? ", truncated]" : "]").toString();
    }
}
