package dev.hybriddb.graph;

import java.time.Duration;
import java.util.UUID;

/** The outcome of rebuilding a tenant's graph. */
public record RebuildResult(UUID tenantId, String graph, long nodesUpserted, long nodesDeleted,
                            long edgesWritten, Duration took) {
}
