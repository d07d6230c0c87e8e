package dev.hybriddb.graph.falkor;

import dev.hybriddb.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * Where FalkorDB is and how to talk to it. Every timeout is finite. The password (optional) never
 * appears in {@link #toString()}.
 *
 * @param host          server host
 * @param port          server port
 * @param username      ACL user, or null for the default user
 * @param password      password, or null when the server has none
 * @param poolSize      the most connections held at once
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout how long one reply may take (a query's own limit is {@code queryTimeout})
 * @param borrowTimeout how long a caller waits for a free pooled connection
 * @param queryTimeout  the server-side limit of one query (FalkorDB's {@code TIMEOUT})
 * @param batchSize     rows per round trip in upserts and deletes
 */
public record FalkorConfig(String host, int port, String username, String password, int poolSize,
                           Duration connectTimeout, Duration socketTimeout, Duration borrowTimeout,
                           Duration queryTimeout, int batchSize) {

    public FalkorConfig {
        if (host == null || host.isBlank()) {
            throw new ConfigurationException("falkor.host", host, "must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new ConfigurationException("falkor.port", port, "must be between 1 and 65535");
        }
        if (poolSize < 1 || poolSize > 1_000) {
            throw new ConfigurationException("falkor.poolSize", poolSize, "must be between 1 and 1000");
        }
        if (batchSize < 1 || batchSize > 50_000) {
            throw new ConfigurationException("falkor.batchSize", batchSize, "must be between 1 and 50000");
        }
        positive("falkor.connectTimeout", connectTimeout);
        positive("falkor.socketTimeout", socketTimeout);
        positive("falkor.borrowTimeout", borrowTimeout);
        positive("falkor.queryTimeout", queryTimeout);
        if (queryTimeout.compareTo(socketTimeout) > 0) {
            throw new ConfigurationException("falkor.queryTimeout", queryTimeout,
                    "must not exceed socketTimeout " + socketTimeout + " (the client would give up first)");
        }
    }

    /** Defaults for a server at host:port: 16 connections, 2 s to connect, 30 s per reply and query. */
    public static FalkorConfig of(String host, int port) {
        return builder(host, port).build();
    }

    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    public Builder toBuilder() {
        return new Builder(host, port).username(username).password(password).poolSize(poolSize)
                .connectTimeout(connectTimeout).socketTimeout(socketTimeout).borrowTimeout(borrowTimeout)
                .queryTimeout(queryTimeout).batchSize(batchSize);
    }

    private static void positive(String setting, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new ConfigurationException(setting, d, "must be a positive, finite duration");
        }
    }

    @Override
    public String toString() {
        return "FalkorConfig[" + host + ":" + port + ", user=" + (username == null ? "default" : username)
                + ", password=" + (password == null ? "none" : "****") + ", poolSize=" + poolSize
                + ", connectTimeout=" + connectTimeout + ", socketTimeout=" + socketTimeout
                + ", borrowTimeout=" + borrowTimeout + ", queryTimeout=" + queryTimeout + ", batchSize=" + batchSize + "]";
    }

    /** Builds a {@link FalkorConfig}; unset values keep their defaults. */
    public static final class Builder {
        private final String host;
        private final int port;
        private String username;
        private String password;
        private int poolSize = 16;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration socketTimeout = Duration.ofSeconds(30);
        private Duration borrowTimeout = Duration.ofSeconds(5);
        private Duration queryTimeout = Duration.ofSeconds(30);
        private int batchSize = 1_000;

        private Builder(String host, int port) {
            this.host = host;
            this.port = port;
        }

        public Builder username(String username) { this.username = username; return this; }

        public Builder password(String password) { this.password = password; return this; }

        public Builder poolSize(int poolSize) { this.poolSize = poolSize; return this; }

        public Builder connectTimeout(Duration d) { this.connectTimeout = Objects.requireNonNull(d); return this; }

        public Builder socketTimeout(Duration d) { this.socketTimeout = Objects.requireNonNull(d); return this; }

        public Builder borrowTimeout(Duration d) { this.borrowTimeout = Objects.requireNonNull(d); return this; }

        public Builder queryTimeout(Duration d) { this.queryTimeout = Objects.requireNonNull(d); return this; }

        public Builder batchSize(int batchSize) { this.batchSize = batchSize; return this; }

        public FalkorConfig build() {
            return new FalkorConfig(host, port, username, password, poolSize, connectTimeout, socketTimeout,
                    borrowTimeout, queryTimeout, batchSize);
        }
    }
}
