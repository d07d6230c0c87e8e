package dev.hybriddb.graph;

import java.time.Duration;

/** The answer of a health check: reachable or not, how long the round trip took, and why not. */
public record GraphHealth(boolean up, Duration latency, String detail) {
    public static GraphHealth up(Duration latency) {
        return new GraphHealth(true, latency, "ok");
    }

    public static GraphHealth down(String detail) {
        return new GraphHealth(false, Duration.ZERO, detail);
    }
}
