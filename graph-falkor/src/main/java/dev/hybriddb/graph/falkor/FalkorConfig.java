package dev.hybriddb.graph.falkor;

import dev.hybriddb.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;

/**
 * Where FalkorDB is and how to talk to it. Every timeout is finite. Passwords never appear in
 * {@link #toString()}.
 *
 * <p>Two topologies: one server at {@code host:port} ({@link #builder(String, int)}), or a master
 * found through Redis Sentinel ({@link #sentinel(String, List)}): the client asks the Sentinels
 * for the current master, writes there, and follows the Sentinels' switch to a promoted replica
 * after a failover. Either way, {@link #readReplicas()} may name replicas that
 * {@link FalkorGraph#replicaReads()} sends read-only queries to (none by default).
 *
 * @param host           server host (with Sentinel: null, the Sentinels name the master)
 * @param port           server port (with Sentinel: 0)
 * @param username       ACL user, or null for the default user
 * @param password       password, or null when the server has none
 * @param poolSize       the most connections held at once
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout  how long one reply may take (a query's own limit is {@code queryTimeout})
 * @param borrowTimeout  how long a caller waits for a free pooled connection
 * @param queryTimeout   the server-side limit of one query (FalkorDB's {@code TIMEOUT})
 * @param batchSize      rows per round trip in upserts and deletes
 * @param sentinelMaster the master's name in the Sentinels' configuration, or null without Sentinel
 * @param sentinels      the Sentinels' addresses (empty without Sentinel)
 * @param sentinelUsername ACL user of the Sentinels, or null
 * @param sentinelPassword password of the Sentinels, or null when they have none
 * @param tls            connect with TLS (to the servers and the Sentinels)
 * @param sslSocketFactory the TLS socket factory (trust store, client certificate), or null for the JVM's default
 * @param verifyHostname with TLS, check that the server's certificate names the host connected to (default true)
 * @param readReplicas   replicas for {@link FalkorGraph#replicaReads()} (empty: reads go to the master)
 */
public record FalkorConfig(String host, int port, String username, String password, int poolSize,
                           Duration connectTimeout, Duration socketTimeout, Duration borrowTimeout,
                           Duration queryTimeout, int batchSize, String sentinelMaster, List<Address> sentinels,
                           String sentinelUsername, String sentinelPassword, boolean tls,
                           SSLSocketFactory sslSocketFactory, boolean verifyHostname, List<Address> readReplicas) {

    private static final Pattern MASTER_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** A server or Sentinel address. */
    public record Address(String host, int port) {
        public Address {
            if (host == null || host.isBlank()) {
                throw new ConfigurationException("falkor.address.host", host, "must not be blank");
            }
            if (port < 1 || port > 65_535) {
                throw new ConfigurationException("falkor.address.port", port, "must be between 1 and 65535");
            }
        }

        /** {@code host:port}; an IPv6 host in brackets ({@code [::1]:26379}). */
        public static Address parse(String hostPort) {
            int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new ConfigurationException("falkor.address", hostPort, "must be host:port");
            }
            String host = hostPort.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                return new Address(host, Integer.parseInt(hostPort.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("falkor.address", hostPort, "must be host:port with a numeric port");
            }
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public FalkorConfig {
        sentinels = addresses("falkor.sentinels", sentinels);
        readReplicas = addresses("falkor.readReplicas", readReplicas);
        if (sentinelMaster == null) {
            if (!sentinels.isEmpty()) {
                throw new ConfigurationException("falkor.sentinelMaster", null, "must be set when Sentinels are given");
            }
            if (host == null || host.isBlank()) {
                throw new ConfigurationException("falkor.host", host, "must not be blank");
            }
            if (port < 1 || port > 65_535) {
                throw new ConfigurationException("falkor.port", port, "must be between 1 and 65535");
            }
        } else {
            if (!MASTER_NAME.matcher(sentinelMaster).matches()) {
                throw new ConfigurationException("falkor.sentinelMaster", sentinelMaster,
                        "must be 1 to 64 letters, digits, '_', '.' or '-'");
            }
            if (sentinels.isEmpty()) {
                throw new ConfigurationException("falkor.sentinels", sentinels, "must name at least one Sentinel");
            }
            if (host != null || port != 0) {
                throw new ConfigurationException("falkor.host", host + ":" + port, "must be unset with Sentinel (the Sentinels name the master)");
            }
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
        if (sslSocketFactory != null && !tls) {
            throw new ConfigurationException("falkor.sslSocketFactory", sslSocketFactory.getClass().getName(),
                    "is set but tls is off");
        }
    }

    /** Defaults for a server at host:port: 16 connections, 2 s to connect, 30 s per reply and query. */
    public static FalkorConfig of(String host, int port) {
        return builder(host, port).build();
    }

    /** A builder for one server at host:port. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port, null, List.of());
    }

    /** A builder for the master the Sentinels at {@code sentinels} know as {@code masterName}. */
    public static Builder sentinel(String masterName, List<Address> sentinels) {
        return new Builder(null, 0, masterName, sentinels);
    }

    /**
     * A builder from environment variables: {@code HYBRIDDB_FALKOR_SENTINELS} (comma-separated
     * {@code host:port}) with {@code HYBRIDDB_FALKOR_SENTINEL_MASTER} for a master found through
     * Sentinel, else {@code HYBRIDDB_FALKOR_HOST} (default {@code localhost}) and
     * {@code HYBRIDDB_FALKOR_PORT} (default 6379); then {@code HYBRIDDB_FALKOR_USERNAME},
     * {@code HYBRIDDB_FALKOR_PASSWORD}, {@code HYBRIDDB_FALKOR_SENTINEL_USERNAME},
     * {@code HYBRIDDB_FALKOR_SENTINEL_PASSWORD}, {@code HYBRIDDB_FALKOR_TLS} ({@code true} or
     * {@code false}) and {@code HYBRIDDB_FALKOR_READ_REPLICAS} (comma-separated {@code host:port}).
     * A bad value is a {@link ConfigurationException} naming the variable and the value
     * (passwords are never named).
     *
     * @param env the environment, usually {@code System.getenv()}
     */
    public static Builder fromEnvironment(java.util.Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String sentinels = blankToNull(env.get("HYBRIDDB_FALKOR_SENTINELS"));
        Builder b;
        if (sentinels != null) {
            String master = blankToNull(env.get("HYBRIDDB_FALKOR_SENTINEL_MASTER"));
            if (master == null) {
                throw new ConfigurationException("HYBRIDDB_FALKOR_SENTINEL_MASTER", null,
                        "must be set when HYBRIDDB_FALKOR_SENTINELS is");
            }
            b = sentinel(master, addresses("HYBRIDDB_FALKOR_SENTINELS", sentinels));
        } else {
            String port = env.getOrDefault("HYBRIDDB_FALKOR_PORT", "6379").trim();
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new ConfigurationException("HYBRIDDB_FALKOR_PORT", port, "must be a port number");
            }
            b = builder(env.getOrDefault("HYBRIDDB_FALKOR_HOST", "localhost"), p);
        }
        b.username(blankToNull(env.get("HYBRIDDB_FALKOR_USERNAME")))
                .password(blankToNull(env.get("HYBRIDDB_FALKOR_PASSWORD")))
                .sentinelUsername(blankToNull(env.get("HYBRIDDB_FALKOR_SENTINEL_USERNAME")))
                .sentinelPassword(blankToNull(env.get("HYBRIDDB_FALKOR_SENTINEL_PASSWORD")));
        String tls = blankToNull(env.get("HYBRIDDB_FALKOR_TLS"));
        if (tls != null) {
            if (!tls.equalsIgnoreCase("true") && !tls.equalsIgnoreCase("false")) {
                throw new ConfigurationException("HYBRIDDB_FALKOR_TLS", tls, "must be true or false");
            }
            b.tls(Boolean.parseBoolean(tls));
        }
        String replicas = blankToNull(env.get("HYBRIDDB_FALKOR_READ_REPLICAS"));
        if (replicas != null) {
            b.readReplicas(addresses("HYBRIDDB_FALKOR_READ_REPLICAS", replicas));
        }
        return b;
    }

    private static List<Address> addresses(String variable, String list) {
        List<Address> out = new ArrayList<>();
        for (String part : list.split(",")) {
            try {
                out.add(Address.parse(part.trim()));
            } catch (ConfigurationException e) {
                throw new ConfigurationException(variable, list, "must be comma-separated host:port pairs (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** True when the master is found through Sentinel. */
    public boolean usesSentinel() {
        return sentinelMaster != null;
    }

    public Builder toBuilder() {
        return new Builder(host, port, sentinelMaster, sentinels).username(username).password(password).poolSize(poolSize)
                .connectTimeout(connectTimeout).socketTimeout(socketTimeout).borrowTimeout(borrowTimeout)
                .queryTimeout(queryTimeout).batchSize(batchSize).sentinelUsername(sentinelUsername)
                .sentinelPassword(sentinelPassword).tls(tls).sslSocketFactory(sslSocketFactory)
                .verifyHostname(verifyHostname).readReplicas(readReplicas);
    }

    private static List<Address> addresses(String setting, List<Address> list) {
        if (list == null) {
            return List.of();
        }
        if (list.stream().anyMatch(Objects::isNull)) {
            throw new ConfigurationException(setting, list, "must not contain null");
        }
        return List.copyOf(list);
    }

    private static void positive(String setting, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new ConfigurationException(setting, d, "must be a positive, finite duration");
        }
    }

    @Override
    public String toString() {
        String where = usesSentinel() ? "sentinel master=" + sentinelMaster + " via " + sentinels
                + ", sentinelUser=" + (sentinelUsername == null ? "default" : sentinelUsername)
                + ", sentinelPassword=" + (sentinelPassword == null ? "none" : "****") : host + ":" + port;
        return "FalkorConfig[" + where + ", user=" + (username == null ? "default" : username)
                + ", password=" + (password == null ? "none" : "****") + ", tls=" + tls
                + (tls ? ", verifyHostname=" + verifyHostname : "") + ", readReplicas=" + readReplicas
                + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout + ", socketTimeout=" + socketTimeout
                + ", borrowTimeout=" + borrowTimeout + ", queryTimeout=" + queryTimeout + ", batchSize=" + batchSize + "]";
    }

    /** Builds a {@link FalkorConfig}; unset values keep their defaults. */
    public static final class Builder {
        private final String host;
        private final int port;
        private final String sentinelMaster;
        private final List<Address> sentinels;
        private String username;
        private String password;
        private int poolSize = 16;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration socketTimeout = Duration.ofSeconds(30);
        private Duration borrowTimeout = Duration.ofSeconds(5);
        private Duration queryTimeout = Duration.ofSeconds(30);
        private int batchSize = 1_000;
        private String sentinelUsername;
        private String sentinelPassword;
        private boolean tls;
        private SSLSocketFactory sslSocketFactory;
        private boolean verifyHostname = true;
        private List<Address> readReplicas = List.of();

        private Builder(String host, int port, String sentinelMaster, List<Address> sentinels) {
            this.host = host;
            this.port = port;
            this.sentinelMaster = sentinelMaster;
            this.sentinels = sentinels == null ? null : new ArrayList<>(sentinels);
        }

        public Builder username(String username) { this.username = username; return this; }

        public Builder password(String password) { this.password = password; return this; }

        public Builder poolSize(int poolSize) { this.poolSize = poolSize; return this; }

        public Builder connectTimeout(Duration d) { this.connectTimeout = Objects.requireNonNull(d); return this; }

        public Builder socketTimeout(Duration d) { this.socketTimeout = Objects.requireNonNull(d); return this; }

        public Builder borrowTimeout(Duration d) { this.borrowTimeout = Objects.requireNonNull(d); return this; }

        public Builder queryTimeout(Duration d) { this.queryTimeout = Objects.requireNonNull(d); return this; }

        public Builder batchSize(int batchSize) { this.batchSize = batchSize; return this; }

        /** The Sentinels' own ACL user (when they require one). */
        public Builder sentinelUsername(String username) { this.sentinelUsername = username; return this; }

        /** The Sentinels' own password ({@code requirepass} in sentinel.conf), if any. */
        public Builder sentinelPassword(String password) { this.sentinelPassword = password; return this; }

        /** TLS to the servers and the Sentinels. */
        public Builder tls(boolean tls) { this.tls = tls; return this; }

        /** The TLS socket factory (a trust store for a private CA, a client certificate); implies nothing else. */
        public Builder sslSocketFactory(SSLSocketFactory factory) { this.sslSocketFactory = factory; return this; }

        /** With TLS, check the certificate's host name (default true; turn off only for tests). */
        public Builder verifyHostname(boolean verify) { this.verifyHostname = verify; return this; }

        /** Replicas that {@link FalkorGraph#replicaReads()} sends read-only queries to. */
        public Builder readReplicas(List<Address> replicas) {
            this.readReplicas = replicas == null ? null : new ArrayList<>(replicas);
            return this;
        }

        public FalkorConfig build() {
            return new FalkorConfig(host, port, username, password, poolSize, connectTimeout, socketTimeout,
                    borrowTimeout, queryTimeout, batchSize, sentinelMaster, sentinels, sentinelUsername, sentinelPassword,
                    tls, sslSocketFactory, verifyHostname, readReplicas);
        }
    }
}
