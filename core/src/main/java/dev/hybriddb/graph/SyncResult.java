package dev.hybriddb.graph;

/** What a sync call wrote to the graph. */
public record SyncResult(long nodesUpserted, long nodesDeleted, long edgesWritten) {
    /** Nothing written. */
    public static final SyncResult NONE = new SyncResult(0, 0, 0);
}
