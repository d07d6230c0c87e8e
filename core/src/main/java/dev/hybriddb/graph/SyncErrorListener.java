package dev.hybriddb.graph;

/**
 * Told about every failure of the background sync. The sync keeps the failed changes queued and
 * retries them, so a failure is a signal to watch (alert, metrics), not a loss. Called on the sync's
 * own thread: return quickly and do not throw.
 */
@FunctionalInterface
public interface SyncErrorListener {

    /**
     * @param stage where it failed ({@code "round"}, {@code "recovery"}, {@code "capture"}, ...)
     * @param error the failure
     */
    void onError(String stage, Throwable error);

    /** A listener that ignores failures (they are logged and counted anyway). */
    static SyncErrorListener none() {
        return (stage, error) -> { };
    }
}
