package dev.hybriddb;

import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.internal.EnvironmentConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HybridDB's immutable configuration: where PostgreSQL is, the pool, retry, the API-key encryption
 * key and an optional separate migration (owner) role. Built by {@link #builder()} or read from the
 * environment by {@link #fromEnvironment()}; validated once, when built. {@link #toString()} masks
 * the passwords and the key.
 */
public final class HybridConfig {
    static final String MASK = "****";

    private final String host;
    private final int port;
    private final List<String> additionalHosts;
    private final String database;
    private final String user;
    private final String password;
    private final String sslMode;
    private final Map<String, String> connectionProperties;
    private final int minPoolSize;
    private final int maxPoolSize;
    private final Duration connectionTimeout;
    private final Duration idleTimeout;
    private final Duration statementTimeout;
    private final Duration leakDetectionThreshold;
    private final Duration maxLifetime;
    private final Duration keepaliveTime;
    private final int retryAttempts;
    private final Duration retryDelay;
    private final byte[] encryptionKey;
    private final int encryptionKeyVersion;
    private final String migrationUser;
    private final String migrationPassword;
    private final String poolName;
    private final SyncMode syncMode;
    private final String readUrl;

    private HybridConfig(Builder b) {
        ConfigValidator.validate(b);
        host = b.host;
        port = b.port;
        additionalHosts = List.copyOf(b.additionalHosts);
        database = b.database;
        user = b.user;
        password = b.password;
        sslMode = b.sslMode;
        connectionProperties = Map.copyOf(b.connectionProperties);
        minPoolSize = b.minPoolSize;
        maxPoolSize = b.maxPoolSize;
        connectionTimeout = b.connectionTimeout;
        idleTimeout = b.idleTimeout;
        statementTimeout = b.statementTimeout;
        leakDetectionThreshold = b.leakDetectionThreshold;
        maxLifetime = b.maxLifetime;
        keepaliveTime = b.keepaliveTime;
        retryAttempts = b.retryAttempts;
        retryDelay = b.retryDelay;
        encryptionKey = b.encryptionKey == null ? null : b.encryptionKey.clone();
        encryptionKeyVersion = b.encryptionKeyVersion;
        migrationUser = b.migrationUser;
        migrationPassword = b.migrationPassword;
        poolName = b.poolName;
        syncMode = b.syncMode;
        readUrl = b.readUrl == null ? null : ConfigValidator.jdbcForm(b.readUrl);
    }

    /** A builder with the defaults (localhost:5432/hybriddb, pool 2..20, 3 retries from 1 s). */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads {@code System.getenv()}; see {@link #fromEnvironment(Map)}. */
    public static HybridConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads {@code DATABASE_URL} ({@code postgresql://user:pass@host:port/db?sslmode=...} or the
     * {@code jdbc:postgresql:} form) or {@code POSTGRES_HOST}, {@code _PORT}, {@code _DB},
     * {@code _USER}, {@code _PASSWORD}, {@code _SSL}; the pool and retry settings
     * {@code POSTGRES_MIN_POOL_SIZE}, {@code _MAX_POOL_SIZE}, {@code _CONNECTION_TIMEOUT},
     * {@code _IDLE_TIMEOUT}, {@code _RETRY_ATTEMPTS}, {@code _RETRY_DELAY} (milliseconds);
     * {@code HYBRIDDB_ENCRYPTION_KEY} (base64, 32 bytes), {@code HYBRIDDB_ENCRYPTION_KEY_VERSION},
     * {@code HYBRIDDB_MIGRATION_USER}, {@code HYBRIDDB_MIGRATION_PASSWORD}; {@code HYBRIDDB_SYNC_MODE}
     * ({@code manual}, {@code realtime} or {@code wal}). Values in
     * {@code DATABASE_URL} win over the single variables.
     */
    public static HybridConfig fromEnvironment(Map<String, String> env) {
        return builder().environment(env).build();
    }

    /** A builder holding this configuration, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder().host(host).port(port).additionalHosts(additionalHosts).database(database).user(user).password(password)
                .sslMode(sslMode).minPoolSize(minPoolSize).maxPoolSize(maxPoolSize)
                .connectionTimeout(connectionTimeout).idleTimeout(idleTimeout).statementTimeout(statementTimeout).leakDetectionThreshold(leakDetectionThreshold)
                .maxLifetime(maxLifetime).keepaliveTime(keepaliveTime).retryAttempts(retryAttempts)
                .retryDelay(retryDelay).encryptionKeyVersion(encryptionKeyVersion)
                .migrationUser(migrationUser).migrationPassword(migrationPassword).poolName(poolName).syncMode(syncMode).readUrl(readUrl);
        connectionProperties.forEach(b::connectionProperty);
        return encryptionKey == null ? b : b.encryptionKey(encryptionKey);
    }

    /**
     * {@code jdbc:postgresql://host:port/database} (no credentials, no properties); with
     * {@link #additionalHosts()}, pgjdbc's multi-host form {@code jdbc:postgresql://h1:p1,h2:p2/database}.
     */
    public String jdbcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        StringBuilder hosts = new StringBuilder(h).append(':').append(port);
        additionalHosts.forEach(a -> hosts.append(',').append(a));
        return "jdbc:postgresql://" + hosts + "/" + database;
    }

    /** The first host: the only one, or the first that connections try when there are several. */
    public String host() { return host; }
    public int port() { return port; }

    /**
     * The further hosts of a primary/standby setup, each {@code host:port} ({@code [v6]:port}),
     * tried after the first in order. With any, connections go only to the host that is the
     * primary at the time (pgjdbc's {@code targetServerType=primary}) unless the
     * {@code targetServerType} connection property says otherwise; see {@link Builder#additionalHosts}.
     */
    public List<String> additionalHosts() { return additionalHosts; }
    public String database() { return database; }
    /** The application role (does not own the tables, does not bypass row-level security). */
    public String user() { return user; }
    /** The application role's password, or null. Never log it. */
    public String password() { return password; }
    /** libpq/pgjdbc sslmode: disable, allow, prefer, require, verify-ca, verify-full. */
    public String sslMode() { return sslMode; }
    /** Extra pgjdbc connection properties (for example from the URL's query). */
    public Map<String, String> connectionProperties() { return connectionProperties; }
    public int minPoolSize() { return minPoolSize; }
    public int maxPoolSize() { return maxPoolSize; }
    public Duration connectionTimeout() { return connectionTimeout; }
    public Duration idleTimeout() { return idleTimeout; }
    /** PostgreSQL's {@code statement_timeout} for every statement of the pool's connections; zero: none. */
    public Duration statementTimeout() { return statementTimeout; }
    /** How long a connection may stay borrowed before the pool logs a possible leak (0: never). */
    public Duration leakDetectionThreshold() { return leakDetectionThreshold; }
    /** The longest a pooled connection lives before it is replaced (0: no limit). */
    public Duration maxLifetime() { return maxLifetime; }
    /** How often an idle pooled connection is tested to keep it alive (0: never). */
    public Duration keepaliveTime() { return keepaliveTime; }
    public int retryAttempts() { return retryAttempts; }
    public Duration retryDelay() { return retryDelay; }
    public String poolName() { return poolName; }

    /**
     * The JDBC URL (no credentials) of a read-only replica, or several, for the reads that
     * tolerate replication lag; see {@link Builder#readUrl}. Empty (the default): every read goes
     * to the primary.
     */
    public Optional<String> readUrl() { return Optional.ofNullable(readUrl); }

    /** The sync mode asked for in the configuration, if any. */
    public Optional<SyncMode> syncMode() { return Optional.ofNullable(syncMode); }

    /** Retry as configured: {@link #retryAttempts()} retries starting at {@link #retryDelay()}. */
    public RetryPolicy retryPolicy() {
        return RetryPolicy.of(retryAttempts, retryDelay);
    }

    /** A copy of the 256-bit API-key encryption key, if configured. Never log it. */
    public Optional<byte[]> encryptionKey() {
        return Optional.ofNullable(encryptionKey).map(byte[]::clone);
    }

    /** The version stored with every API key encrypted under {@link #encryptionKey()}. */
    public int encryptionKeyVersion() { return encryptionKeyVersion; }

    /** The role that runs migrations (owns the tables); the application role when unset. */
    public String migrationUser() { return migrationUser == null ? user : migrationUser; }

    /** The migration role's password (the application password when no migration user is set). */
    public String migrationPassword() { return migrationUser == null ? password : migrationPassword; }

    /** True when a separate migration role is configured. */
    public boolean hasMigrationUser() { return migrationUser != null; }

    /** Every setting, with the passwords and the encryption key masked. */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("url", jdbcUrl());
        shown.put("user", user);
        shown.put("password", password == null ? "(none)" : MASK);
        shown.put("sslMode", sslMode);
        shown.put("connectionProperties", connectionProperties.keySet());
        shown.put("minPoolSize", minPoolSize);
        shown.put("maxPoolSize", maxPoolSize);
        shown.put("connectionTimeout", connectionTimeout.toMillis() + "ms");
        shown.put("idleTimeout", idleTimeout.toMillis() + "ms");
        shown.put("statementTimeout", statementTimeout.toMillis() + "ms");
        shown.put("leakDetectionThreshold", leakDetectionThreshold.toMillis() + "ms");
        shown.put("maxLifetime", maxLifetime.toMillis() + "ms");
        shown.put("keepaliveTime", keepaliveTime.toMillis() + "ms");
        shown.put("retryAttempts", retryAttempts);
        shown.put("retryDelay", retryDelay.toMillis() + "ms");
        shown.put("encryptionKey", encryptionKey == null ? "(none)" : MASK + " (version " + encryptionKeyVersion + ")");
        shown.put("migrationUser", migrationUser());
        shown.put("migrationPassword", migrationPassword() == null ? "(none)" : MASK);
        shown.put("poolName", poolName);
        shown.put("syncMode", syncMode == null ? "(not set)" : syncMode);
        shown.put("readUrl", readUrl == null ? "(none)" : dev.hybriddb.internal.Redact.url(readUrl));
        return "HybridConfig" + shown;
    }

    /**
     * Collects settings; {@link #build()} validates them all at once and seals them into a
     * {@link HybridConfig}. Not thread-safe; reusable after build.
     */
    public static final class Builder {
        String host = "localhost";
        int port = 5432;
        final List<String> additionalHosts = new ArrayList<>();
        String database = "hybriddb";
        String user;
        String password;
        String sslMode = "prefer";
        final Map<String, String> connectionProperties = new LinkedHashMap<>();
        int minPoolSize = 2;
        int maxPoolSize = 20;
        Duration connectionTimeout = Duration.ofMillis(5000);
        Duration idleTimeout = Duration.ofMillis(30000);
        Duration statementTimeout = Duration.ZERO;
        Duration leakDetectionThreshold = Duration.ZERO;
        Duration maxLifetime = Duration.ofMinutes(30);
        Duration keepaliveTime = Duration.ofMinutes(2);
        int retryAttempts = 3;
        Duration retryDelay = Duration.ofMillis(1000);
        byte[] encryptionKey;
        int encryptionKeyVersion = 1;
        String migrationUser;
        String migrationPassword;
        String poolName = "hybriddb";
        SyncMode syncMode;
        String readUrl;

        private Builder() {}

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        /**
         * Further hosts after {@link #host}/{@link #port} (replacing earlier ones), each
         * {@code host:port}, for a primary with standbys: connections go to whichever of them is
         * the primary (the default {@code targetServerType=primary} when there are several hosts), so
         * after a failover the pool's new connections reach the promoted standby. A multi-host
         * {@link #url} ({@code jdbc:postgresql://h1:5432,h2:5432/db}) sets them too.
         */
        public Builder additionalHosts(List<String> v) {
            additionalHosts.clear();
            if (v != null) {
                additionalHosts.addAll(v);
            }
            return this;
        }
        public Builder database(String v) { database = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder password(String v) { password = v; return this; }
        /** disable, allow, prefer (default), require, verify-ca or verify-full. */
        public Builder sslMode(String v) { sslMode = v; return this; }
        /**
         * Sets host, port, database, user, password, sslMode and properties from a URL (either form;
         * several comma-separated {@code host:port} for a primary and its standbys).
         */
        public Builder url(String v) { EnvironmentConfig.applyUrl("url", v, this); return this; }
        public Builder connectionProperty(String key, String value) { connectionProperties.put(key, value); return this; }
        public Builder minPoolSize(int v) { minPoolSize = v; return this; }
        public Builder maxPoolSize(int v) { maxPoolSize = v; return this; }
        public Builder connectionTimeout(Duration v) { connectionTimeout = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        /** {@code statement_timeout} of every SDK transaction (zero, the default: none); set per transaction, so no session or role setting overrides it. */
        public Builder statementTimeout(Duration v) { statementTimeout = v; return this; }
        /** Logs a connection borrowed for longer than this (0, the default, or at least 2 s). */
        public Builder leakDetectionThreshold(Duration v) { leakDetectionThreshold = v; return this; }
        /** Replaces pooled connections older than this (default 30 min; 0 or at least 30 s). */
        public Builder maxLifetime(Duration v) { maxLifetime = v; return this; }
        /** Tests idle pooled connections this often (default 2 min; 0 or at least 30 s, below maxLifetime). */
        public Builder keepaliveTime(Duration v) { keepaliveTime = v; return this; }
        /** Retries after the first attempt for transient failures. */
        public Builder retryAttempts(int v) { retryAttempts = v; return this; }
        /** The first retry's delay; later ones double it (with jitter). */
        public Builder retryDelay(Duration v) { retryDelay = v; return this; }
        /** The 256-bit AES key for API keys (copied). */
        public Builder encryptionKey(byte[] v) { encryptionKey = v == null ? null : v.clone(); return this; }
        /** The same key as base64. */
        public Builder encryptionKeyBase64(String v) { encryptionKey = EnvironmentConfig.base64Key(v); return this; }
        public Builder encryptionKeyVersion(int v) { encryptionKeyVersion = v; return this; }
        public Builder migrationUser(String v) { migrationUser = v; return this; }
        public Builder migrationPassword(String v) { migrationPassword = v; return this; }
        public Builder poolName(String v) { poolName = v; return this; }
        /**
         * A read-only replica (or several, multi-host) for the reads that tolerate replication lag
         * ({@code HYBRIDDB_READ_URL}): {@code HybridDB} opens a second, read-only pool there as the
         * application role, as if given to {@code HybridDB.builder().readDataSource(...)}. Either URL
         * form, without credentials; with several hosts {@code targetServerType=preferSecondary}
         * unless the URL says otherwise. Null (the default): none.
         */
        public Builder readUrl(String v) { readUrl = v; return this; }
        /** How the graph follows PostgreSQL when a HybridDB is built with the sync module (default: not set). */
        public Builder syncMode(SyncMode v) { syncMode = v; return this; }

        /**
         * Applies the variables {@link HybridConfig#fromEnvironment(Map)} reads, without validating
         * yet, so that settings made after this call (command-line options, say) win and complete
         * them; {@link #build()} validates the result.
         */
        public Builder environment(Map<String, String> env) {
            EnvironmentConfig.apply(env, this);
            return this;
        }

        /** Validates every setting and returns the sealed configuration. */
        public HybridConfig build() {
            return new HybridConfig(this);
        }

        @Override
        public String toString() {
            return "HybridConfig.Builder[secrets not shown]";
        }
    }
}
