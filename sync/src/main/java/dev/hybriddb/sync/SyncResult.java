package dev.hybriddb.sync;

/** What a sync call wrote to the graph. */
public record SyncResult(long nodesUpserted, long nodesDeleted, long edgesWritten) {
}
