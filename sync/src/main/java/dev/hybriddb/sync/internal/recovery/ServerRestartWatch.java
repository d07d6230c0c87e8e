package dev.hybriddb.sync.internal.recovery;

import dev.hybriddb.graph.GraphBackend;
import java.time.Duration;
import java.util.Optional;

/**
 * Notices a restart of the graph server between two checks: {@link GraphBackend#serverInstance()}
 * changed. A server that restarted may have lost writes it had acknowledged (FalkorDB without
 * persistence comes back empty), so the caller records a rebuild of every registered graph
 * ({@link RebuildRequests}). A restart while no watch ran is not seen here: a consumer checks
 * every registered graph when it starts ({@link GraphCheck}). Checks at most once per interval;
 * not thread-safe (the sync worker's own).
 */
public final class ServerRestartWatch {
    private final GraphBackend graph;
    private final long intervalNanos;
    private String instance;
    private long nextCheck;

    public ServerRestartWatch(GraphBackend graph, Duration interval) {
        this.graph = graph;
        this.intervalNanos = interval.toNanos();
    }

    /**
     * True when the server's instance id differs from the one seen at the previous check. The
     * first check only records it. Throws what the backend throws when the server is down.
     */
    public boolean restarted() {
        long now = System.nanoTime();
        if (instance != null && now - nextCheck < 0) {
            return false;
        }
        Optional<String> current = graph.serverInstance();
        nextCheck = now + intervalNanos;
        if (current.isEmpty()) {
            return false;
        }
        String previous = instance;
        instance = current.get();
        return previous != null && !previous.equals(instance);
    }
}
