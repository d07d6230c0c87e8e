package dev.hybriddb.sync;

/** Receives progress of a rebuild or reconciliation. Called on the syncing thread; keep it quick. */
@FunctionalInterface
public interface SyncListener {
    void onProgress(SyncProgress progress);

    /** A listener that ignores everything. */
    static SyncListener none() {
        return p -> { };
    }
}
