package dev.hybriddb.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.UnavailableException;
import java.util.Properties;

/** Builds the HikariCP pool of the application role from a {@link HybridConfig}. */
public final class Pools {
    private Pools() {}

    /** Opens the pool (connecting once, so a wrong address or password fails here). */
    public static HikariDataSource open(HybridConfig config) {
        return open(config, hc -> { });
    }

    /**
     * As {@link #open(HybridConfig)}, letting {@code customizer} adjust the Hikari settings (a
     * metrics tracker, a health-check registry...) after the configuration's are applied.
     */
    public static HikariDataSource open(HybridConfig config, java.util.function.Consumer<HikariConfig> customizer) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(config.poolName());
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMinimumIdle(config.minPoolSize());
        hc.setMaximumPoolSize(config.maxPoolSize());
        hc.setConnectionTimeout(config.connectionTimeout().toMillis());
        hc.setIdleTimeout(config.idleTimeout().toMillis());
        hc.setLeakDetectionThreshold(config.leakDetectionThreshold().toMillis());
        hc.setMaxLifetime(config.maxLifetime().toMillis());
        hc.setKeepaliveTime(config.keepaliveTime().toMillis());
        hc.setDataSourceProperties(appProperties(config));
        customizer.accept(hc);
        try {
            return new HikariDataSource(hc);
        } catch (HikariPool.PoolInitializationException e) {
            throw new UnavailableException("cannot open the PostgreSQL pool " + config.poolName() + " to "
                    + config.jdbcUrl() + " as " + config.user() + ": " + safeMessage(e), e.getCause());
        }
    }

    /**
     * The read-only pool of the application role on {@link HybridConfig#readUrl()} (a replica), with
     * the application pool's pinned settings; {@code targetServerType=preferSecondary} unless the
     * URL names one. Null when no read URL is configured.
     */
    public static HikariDataSource openRead(HybridConfig config) {
        String url = config.readUrl().orElse(null);
        if (url == null) {
            return null;
        }
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(config.poolName() + "-read");
        hc.setJdbcUrl(url);
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setReadOnly(true);
        hc.setMinimumIdle(0);
        hc.setMaximumPoolSize(config.maxPoolSize());
        hc.setConnectionTimeout(config.connectionTimeout().toMillis());
        hc.setIdleTimeout(config.idleTimeout().toMillis());
        hc.setMaxLifetime(config.maxLifetime().toMillis());
        hc.setKeepaliveTime(config.keepaliveTime().toMillis());
        Properties p = appProperties(config);
        p.remove("targetServerType");
        if (!url.contains("targetServerType=")) {
            p.setProperty("targetServerType", "preferSecondary");
        }
        hc.setDataSourceProperties(p);
        try {
            return new HikariDataSource(hc);
        } catch (HikariPool.PoolInitializationException e) {
            throw new UnavailableException("cannot open the read pool to " + url + " as " + config.user() + ": "
                    + safeMessage(e), e.getCause());
        }
    }

    /**
     * A small pool of the owner (migration) role, for work across tenants such as the real-time
     * consumer's rounds; its size follows the application pool's, at most 4.
     */
    public static HikariDataSource openOwner(HybridConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(config.poolName() + "-owner");
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.migrationUser());
        hc.setPassword(config.migrationPassword());
        hc.setMinimumIdle(0);
        hc.setMaximumPoolSize(Math.min(4, Math.max(2, config.maxPoolSize())));
        hc.setConnectionTimeout(config.connectionTimeout().toMillis());
        hc.setIdleTimeout(config.idleTimeout().toMillis());
        hc.setLeakDetectionThreshold(config.leakDetectionThreshold().toMillis());
        hc.setMaxLifetime(config.maxLifetime().toMillis());
        hc.setKeepaliveTime(config.keepaliveTime().toMillis());
        hc.setDataSourceProperties(properties(config));
        try {
            return new HikariDataSource(hc);
        } catch (HikariPool.PoolInitializationException e) {
            throw new UnavailableException("cannot open the owner pool to " + config.jdbcUrl() + " as "
                    + config.migrationUser() + ": " + safeMessage(e), e.getCause());
        }
    }

    /**
     * pgjdbc properties: sslmode, no server detail in exception messages, with several hosts
     * {@code targetServerType=primary} (a standby would refuse every write), then the configured
     * extras, which win.
     */
    public static Properties properties(HybridConfig config) {
        Properties p = new Properties();
        p.setProperty("sslmode", config.sslMode());
        p.setProperty("ApplicationName", "hybriddb");
        p.setProperty("logServerErrorDetail", "false");
        if (!config.additionalHosts().isEmpty()) {
            p.setProperty("targetServerType", "primary");
        }
        config.connectionProperties().forEach(p::setProperty);
        return p;
    }

    /**
     * {@link #properties} plus the startup {@code options} that pin the settings HybridDB relies
     * on. Options sent at connection start override role and database settings, so an
     * {@code ALTER ROLE ... SET} cannot change them for the pool; they are also what
     * {@code DISCARD ALL} returns to. A configured {@code options} property comes after and wins.
     */
    static Properties appProperties(HybridConfig config) {
        Properties p = properties(config);
        String pinned = "-c search_path=" + Transactions.SEARCH_PATH.replace(" ", "")
                + " -c row_security=on -c default_transaction_read_only=off"
                + " -c statement_timeout=" + config.statementTimeout().toMillis()
                + " -c hybriddb.tenant_id=";
        String extra = p.getProperty("options");
        p.setProperty("options", extra == null || extra.isBlank() ? pinned : pinned + " " + extra);
        return p;
    }

    /** The JDBC URL with sslmode and the extra properties (never credentials), for migrations. */
    public static String urlWithProperties(HybridConfig config) {
        StringBuilder url = new StringBuilder(config.jdbcUrl());
        char sep = '?';
        for (String key : properties(config).stringPropertyNames()) {
            url.append(sep).append(enc(key)).append('=').append(enc(properties(config).getProperty(key)));
            sep = '&';
        }
        return url.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String safeMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
