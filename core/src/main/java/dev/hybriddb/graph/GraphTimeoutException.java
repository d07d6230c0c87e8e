package dev.hybriddb.graph;

import dev.hybriddb.UnavailableException;
import java.time.Duration;

/**
 * A graph statement did not finish within its time limit while the graph server stayed reachable:
 * the statement is slow (a large batch, an expensive plan), not the server down. The server may
 * still be executing it; a write that timed out may therefore still be applied later, which the
 * sync's idempotent writes tolerate. A server that cannot be reached raises a plain
 * {@link UnavailableException} instead.
 */
public class GraphTimeoutException extends UnavailableException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public GraphTimeoutException(String message, Duration timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** The limit that was exceeded (the client's socket timeout or the server's query timeout), or null when unknown. */
    public Duration timeout() {
        return timeout;
    }
}
