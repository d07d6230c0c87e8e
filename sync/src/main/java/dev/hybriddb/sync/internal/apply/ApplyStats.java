package dev.hybriddb.sync.internal.apply;

/** What one application of changes wrote. */
public final class ApplyStats {
    public long nodesUpserted;
    public long nodesDeleted;
    public long edgesWritten;

    public void add(ApplyStats o) {
        nodesUpserted += o.nodesUpserted;
        nodesDeleted += o.nodesDeleted;
        edgesWritten += o.edgesWritten;
    }
}
