package dev.hybriddb.graph;

import java.util.Map;
import java.util.UUID;

/**
 * What a reconciliation found, and wrote when it repaired.
 *
 * @param tenantId the tenant
 * @param graph    its graph
 * @param drifted  entities (nodes and edges) that differed between PostgreSQL and the graph
 * @param byKind   drifted entities per label and edge type (only kinds that drifted)
 * @param repaired what the repair wrote; {@link SyncResult#NONE} for a check without repair
 */
public record ReconcileResult(UUID tenantId, String graph, long drifted, Map<String, Long> byKind, SyncResult repaired) {
    public ReconcileResult {
        byKind = Map.copyOf(byKind);
    }

    /** True when the graph matched PostgreSQL. */
    public boolean wasClean() {
        return drifted == 0;
    }
}
