package dev.hybriddb.spring;

import dev.hybriddb.graph.SyncMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The {@code hybriddb.*} properties. The application role connects the pool (or is the role of the
 * application's own {@code DataSource}); the owner role migrates and runs the real-time consumer.
 *
 * <pre>
 * hybriddb.url=jdbc:postgresql://db:5432/app          # default: spring.datasource.url
 * hybriddb.username=app_user                          # default: spring.datasource.username
 * hybriddb.password=...
 * hybriddb.owner.username=app_owner                   # needed for sync realtime / wal-capture and migrate-on-start
 * hybriddb.owner.password=...
 * hybriddb.pool.max-size=10
 * hybriddb.graph.backend=falkordb                     # falkordb | age | none
 * hybriddb.graph.falkordb.host=graph
 * hybriddb.sync.mode=realtime                         # manual | realtime | wal-capture
 * hybriddb.migrate-on-start=true
 * </pre>
 */
@ConfigurationProperties(prefix = "hybriddb")
public class HybridDBProperties {
    /** JDBC ({@code jdbc:postgresql://...}) or {@code postgresql://} URL; default {@code spring.datasource.url}. */
    private String url;
    /** The application role (row-level security applies to it); default {@code spring.datasource.username}. */
    private String username;
    /** The application role's password; default {@code spring.datasource.password}. */
    private String password;
    /** Reuse the application's {@code DataSource} bean, when there is one, instead of a pool of our own. */
    private boolean useApplicationDataSource = true;
    /** Apply pending migrations (as the owner role) when the HybridDB bean starts. */
    private boolean migrateOnStart = false;
    private final Owner owner = new Owner();
    private final Pool pool = new Pool();
    private final Graph graph = new Graph();
    private final Sync sync = new Sync();

    /** Refuses combinations that cannot work, naming the property. */
    void validate() {
        if (url == null || url.isBlank()) {
            throw new InvalidConfigurationPropertyValueException("hybriddb.url", url,
                    "is required (or spring.datasource.url): the PostgreSQL URL");
        }
        if (username == null || username.isBlank()) {
            throw new InvalidConfigurationPropertyValueException("hybriddb.username", username,
                    "is required (or spring.datasource.username): the application role");
        }
        if (pool.minSize < 0 || pool.maxSize < 1 || pool.minSize > pool.maxSize) {
            throw new InvalidConfigurationPropertyValueException("hybriddb.pool.max-size", pool.maxSize,
                    "must be at least 1 and at least hybriddb.pool.min-size (" + pool.minSize + ")");
        }
        validateFalkordb();
        SyncMode mode = sync.mode;
        if (mode != null && graph.backend == GraphBackendType.NONE) {
            throw new InvalidConfigurationPropertyValueException("hybriddb.sync.mode", mode,
                    "needs a graph: set hybriddb.graph.backend to falkordb or age");
        }
        boolean background = mode == SyncMode.REALTIME || mode == SyncMode.WAL_CAPTURE;
        if ((background || migrateOnStart || graph.backend == GraphBackendType.AGE) && !owner.isSet()) {
            throw new InvalidConfigurationPropertyValueException("hybriddb.owner.username", null,
                    "is required with " + (background ? "hybriddb.sync.mode=" + mode
                            : migrateOnStart ? "hybriddb.migrate-on-start=true" : "hybriddb.graph.backend=age")
                            + ": the owner (migration) role");
        }
    }

    /** Refuses a FalkorDB address that cannot work. */
    void validateFalkordb() {
        if (graph.falkordb.sentinelMaster != null) {
            return;                             // the Sentinels name the master; FalkorConfig checks the rest
        }
        int port = graph.falkordb.port;
        if (port < 1 || port > 65535) {
            throw new InvalidConfigurationPropertyValueException("hybriddb.graph.falkordb.port", port, "must be between 1 and 65535");
        }
        if (graph.falkordb.host == null || graph.falkordb.host.isBlank()) {
            throw new InvalidConfigurationPropertyValueException("hybriddb.graph.falkordb.host", graph.falkordb.host, "must not be blank");
        }
    }

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isUseApplicationDataSource() { return useApplicationDataSource; }
    public void setUseApplicationDataSource(boolean v) { this.useApplicationDataSource = v; }
    public boolean isMigrateOnStart() { return migrateOnStart; }
    public void setMigrateOnStart(boolean migrateOnStart) { this.migrateOnStart = migrateOnStart; }
    public Owner getOwner() { return owner; }
    public Pool getPool() { return pool; }
    public Graph getGraph() { return graph; }
    public Sync getSync() { return sync; }

    @Override
    public String toString() {
        return "HybridDBProperties[url=" + url + ", username=" + username + ", password=" + (password == null ? "(none)" : "****")
                + ", owner=" + owner.username + ", graph=" + graph.backend + ", sync=" + sync.mode + "]";
    }

    /** The owner (migration) role: migrations, the outbox consumer, AGE graphs. */
    public static class Owner {
        private String username;
        private String password;

        boolean isSet() { return username != null && !username.isBlank(); }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }

        @Override
        public String toString() { return "Owner[" + username + ", password=****]"; }
    }

    /** The built-in HikariCP pool of the application role (not used with the application's DataSource). */
    public static class Pool {
        private String name = "hybriddb";
        private int minSize = 1;
        private int maxSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(5);
        private Duration idleTimeout = Duration.ofSeconds(30);

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public int getMinSize() { return minSize; }
        public void setMinSize(int minSize) { this.minSize = minSize; }
        public int getMaxSize() { return maxSize; }
        public void setMaxSize(int maxSize) { this.maxSize = maxSize; }
        public Duration getConnectionTimeout() { return connectionTimeout; }
        public void setConnectionTimeout(Duration d) { this.connectionTimeout = d; }
        public Duration getIdleTimeout() { return idleTimeout; }
        public void setIdleTimeout(Duration d) { this.idleTimeout = d; }
    }

    /** Which graph backend the coordination queries and the sync use. */
    public enum GraphBackendType { FALKORDB, AGE, NONE }

    /** The graph backend. */
    public static class Graph {
        private GraphBackendType backend = GraphBackendType.NONE;
        private final Falkordb falkordb = new Falkordb();

        public GraphBackendType getBackend() { return backend; }
        public void setBackend(GraphBackendType backend) { this.backend = backend; }
        public Falkordb getFalkordb() { return falkordb; }
    }

    /** FalkorDB's address and credentials. */
    public static class Falkordb {
        private String host = "localhost";
        private int port = 6379;
        private String username;
        private String password;
        /** The master's name in the Sentinels' configuration; set it (with {@code sentinels}) to find the master through Sentinel. */
        private String sentinelMaster;
        /** The Sentinels, as {@code host:port}. */
        private java.util.List<String> sentinels = new java.util.ArrayList<>();
        private String sentinelUsername;
        private String sentinelPassword;
        /** TLS to the servers and the Sentinels (the JVM's trust store). */
        private boolean tls;
        /** Replicas ({@code host:port}) for read-only coordination queries; see {@code FalkorGraph.replicaReads()}. */
        private java.util.List<String> readReplicas = new java.util.ArrayList<>();

        public String getSentinelMaster() { return sentinelMaster; }
        public void setSentinelMaster(String sentinelMaster) { this.sentinelMaster = sentinelMaster; }
        public java.util.List<String> getSentinels() { return sentinels; }
        public void setSentinels(java.util.List<String> sentinels) { this.sentinels = sentinels; }
        public String getSentinelUsername() { return sentinelUsername; }
        public void setSentinelUsername(String sentinelUsername) { this.sentinelUsername = sentinelUsername; }
        public String getSentinelPassword() { return sentinelPassword; }
        public void setSentinelPassword(String sentinelPassword) { this.sentinelPassword = sentinelPassword; }
        public boolean isTls() { return tls; }
        public void setTls(boolean tls) { this.tls = tls; }
        public java.util.List<String> getReadReplicas() { return readReplicas; }
        public void setReadReplicas(java.util.List<String> readReplicas) { this.readReplicas = readReplicas; }

        public String getHost() { return host; }
        public void setHost(String host) { this.host = host; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }

        @Override
        public String toString() {
            return "Falkordb[" + (sentinelMaster == null ? host + ":" + port : "sentinel " + sentinelMaster + " via " + sentinels)
                    + ", tls=" + tls + ", password=****, sentinelPassword=****]";
        }
    }

    /** How the graph follows PostgreSQL; unset leaves the capture as the database has it. */
    public static class Sync {
        private SyncMode mode;

        public SyncMode getMode() { return mode; }
        public void setMode(SyncMode mode) { this.mode = mode; }
    }
}
