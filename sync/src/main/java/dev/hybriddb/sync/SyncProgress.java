package dev.hybriddb.sync;

import java.util.UUID;

/**
 * Progress of a rebuild: the phase, what it works on (a label or an edge type), how many rows it
 * has done and how many there are ({@code -1} when unknown).
 */
public record SyncProgress(UUID tenantId, String graph, Phase phase, String target, long done, long total) {
    /** The phases of a rebuild, in order. */
    public enum Phase {
        /** Upserting the nodes of a label. */
        NODES,
        /** Deleting nodes that no longer exist in PostgreSQL. */
        SWEEP,
        /** Re-deriving the edges of a type. */
        EDGES,
        /** Finished. */
        DONE
    }
}
