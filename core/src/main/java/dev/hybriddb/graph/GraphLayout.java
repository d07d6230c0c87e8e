package dev.hybriddb.graph;

import dev.hybriddb.InvalidInputException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where and how tenant data lands in the graph, configured once on {@code HybridDB} and shared by
 * the sync (manual, real time, rebuilds), the reconciler and the coordinator, so that all of them
 * read and write the same graphs.
 *
 * <p>{@link #graphNames()} maps a tenant to its graph (each tenant has its own graph, since graph
 * stores have no row security); {@link #chunkSize()} is the number of graph records per round
 * trip; {@link #pageSize()} the number of PostgreSQL rows read per page when a whole workspace is
 * rebuilt or reconciled; {@link #batchSize()} the number of outbox rows the real-time consumer
 * claims per round.
 */
public final class GraphLayout {
    private static final GraphLayout DEFAULTS = builder().build();

    private final Function<UUID, String> graphNames;
    private final int chunkSize;
    private final int pageSize;
    private final int batchSize;

    private GraphLayout(Builder b) {
        this.graphNames = b.graphNames;
        this.chunkSize = b.chunkSize;
        this.pageSize = b.pageSize;
        this.batchSize = b.batchSize;
    }

    /** One graph per tenant named by {@link GraphNames#forTenant(UUID)}, chunks of 2,000, pages of 5,000, batches of 1,000. */
    public static GraphLayout defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Function<UUID, String> graphNames() {
        return graphNames;
    }

    /** The graph of {@code tenantId}, checked as a graph identifier. */
    public String graphOf(UUID tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return Identifiers.graph(graphNames.apply(tenantId));
    }

    public int chunkSize() {
        return chunkSize;
    }

    public int pageSize() {
        return pageSize;
    }

    public int batchSize() {
        return batchSize;
    }

    @Override
    public String toString() {
        return "GraphLayout[chunkSize=" + chunkSize + ", pageSize=" + pageSize + ", batchSize=" + batchSize + "]";
    }

    /** Builds a {@link GraphLayout}; every value is checked when it is set. */
    public static final class Builder {
        private Function<UUID, String> graphNames = GraphNames::forTenant;
        private int chunkSize = 2000;
        private int pageSize = 5000;
        private int batchSize = 1000;

        private Builder() {}

        /** The graph of each tenant; names must be valid graph identifiers. */
        public Builder graphNames(Function<UUID, String> graphNames) {
            this.graphNames = Objects.requireNonNull(graphNames, "graphNames");
            return this;
        }

        /** Graph records per round trip (1 to 100,000; default 2,000). */
        public Builder chunkSize(int chunkSize) {
            this.chunkSize = range("chunkSize", chunkSize, 100_000);
            return this;
        }

        /** PostgreSQL rows per page in rebuilds and reconciliation (1 to 1,000,000; default 5,000). */
        public Builder pageSize(int pageSize) {
            this.pageSize = range("pageSize", pageSize, 1_000_000);
            return this;
        }

        /** Outbox rows claimed per real-time round (1 to 100,000; default 1,000). */
        public Builder batchSize(int batchSize) {
            this.batchSize = range("batchSize", batchSize, 100_000);
            return this;
        }

        public GraphLayout build() {
            return new GraphLayout(this);
        }

        private static int range(String field, int value, int max) {
            if (value < 1 || value > max) {
                throw new InvalidInputException(field, value, "must be between 1 and " + max);
            }
            return value;
        }
    }
}
