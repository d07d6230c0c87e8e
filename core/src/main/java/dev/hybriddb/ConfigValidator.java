package dev.hybriddb;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/** The one place where {@link HybridConfig} settings are checked; every message names the setting. */
final class ConfigValidator {
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]{1,253}");
    private static final Pattern HOST_PORT = Pattern.compile("(?:[A-Za-z0-9._%-]{1,253}|\\[[0-9A-Fa-f:.%]{2,100}\\]):[0-9]{1,5}");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$-]{1,63}");
    private static final Pattern ROLE = Pattern.compile("[^\\s\"]{1,63}");
    private static final Pattern POOL_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private ConfigValidator() {}

    static void validate(HybridConfig.Builder b) {
        connection(b);
        pool(b);
        retry(b);
        secrets(b);
    }

    private static void connection(HybridConfig.Builder b) {
        check(b.host != null && HOST.matcher(b.host).matches(), "host (POSTGRES_HOST)", b.host, "must be a host name or address");
        check(b.port >= 1 && b.port <= 65535, "port (POSTGRES_PORT)", b.port, "must be between 1 and 65535");
        for (String hp : b.additionalHosts) {
            check(hp != null && HOST_PORT.matcher(hp).matches() && validPort(hp.substring(hp.lastIndexOf(':') + 1)),
                    "additionalHosts", hp, "each must be host:port (an IPv6 address in brackets), port 1-65535");
        }
        check(b.database != null && DATABASE.matcher(b.database).matches(), "database (POSTGRES_DB)", b.database,
                "must be 1-63 letters, digits, _, $ or -");
        check(b.user != null && ROLE.matcher(b.user).matches(), "user (POSTGRES_USER)", b.user, "must be a role name (required)");
        check(b.sslMode != null && SSL_MODES.contains(b.sslMode), "sslMode (POSTGRES_SSL)", b.sslMode,
                "must be one of " + SSL_MODES);
        check(b.poolName != null && POOL_NAME.matcher(b.poolName).matches(), "poolName", b.poolName,
                "must be 1-64 letters, digits, '.', '_' or '-'");
        if (b.readUrl != null) {
            jdbcForm(b.readUrl);
        }
        for (String key : b.connectionProperties.keySet()) {
            check(!key.equalsIgnoreCase("password") && !key.equalsIgnoreCase("user"), "connectionProperty", key,
                    "must not carry credentials (use user/password)");
        }
    }

    private static void pool(HybridConfig.Builder b) {
        check(b.maxPoolSize >= 1 && b.maxPoolSize <= 1000, "maxPoolSize (POSTGRES_MAX_POOL_SIZE)", b.maxPoolSize,
                "must be between 1 and 1000");
        check(b.minPoolSize >= 0 && b.minPoolSize <= b.maxPoolSize, "minPoolSize (POSTGRES_MIN_POOL_SIZE)", b.minPoolSize,
                "must be between 0 and maxPoolSize (" + b.maxPoolSize + ")");
        check(b.connectionTimeout != null && b.connectionTimeout.toMillis() >= 250
                && b.connectionTimeout.compareTo(TEN_MINUTES) <= 0, "connectionTimeout (POSTGRES_CONNECTION_TIMEOUT)",
                millis(b.connectionTimeout), "must be between 250 ms and 10 minutes");
        check(b.idleTimeout != null && (b.idleTimeout.isZero() || b.idleTimeout.toMillis() >= 10_000)
                && b.idleTimeout.compareTo(Duration.ofDays(1)) <= 0, "idleTimeout (POSTGRES_IDLE_TIMEOUT)",
                millis(b.idleTimeout), "must be 0 (never) or between 10000 ms and one day");
        check(b.leakDetectionThreshold != null && (b.leakDetectionThreshold.isZero() || b.leakDetectionThreshold.toMillis() >= 2000)
                && b.leakDetectionThreshold.compareTo(Duration.ofDays(1)) <= 0, "leakDetectionThreshold (POSTGRES_LEAK_DETECTION_THRESHOLD)",
                millis(b.leakDetectionThreshold), "must be 0 (off) or between 2000 ms and one day");
        check(b.maxLifetime != null && (b.maxLifetime.isZero() || b.maxLifetime.toMillis() >= 30_000)
                && b.maxLifetime.compareTo(Duration.ofDays(1)) <= 0, "maxLifetime (POSTGRES_MAX_LIFETIME)",
                millis(b.maxLifetime), "must be 0 (no limit) or between 30000 ms and one day");
        check(b.keepaliveTime != null && (b.keepaliveTime.isZero() || (b.keepaliveTime.toMillis() >= 30_000
                && (b.maxLifetime == null || b.maxLifetime.isZero() || b.keepaliveTime.compareTo(b.maxLifetime) < 0))),
                "keepaliveTime (POSTGRES_KEEPALIVE_TIME)", millis(b.keepaliveTime),
                "must be 0 (off) or at least 30000 ms and below maxLifetime (" + millis(b.maxLifetime) + ")");
        check(b.statementTimeout != null && !b.statementTimeout.isNegative()
                && b.statementTimeout.compareTo(Duration.ofDays(1)) <= 0, "statementTimeout (POSTGRES_STATEMENT_TIMEOUT)",
                millis(b.statementTimeout), "must be 0 (none) or at most one day");
    }

    private static void retry(HybridConfig.Builder b) {
        check(b.retryAttempts >= 0 && b.retryAttempts <= 100, "retryAttempts (POSTGRES_RETRY_ATTEMPTS)", b.retryAttempts,
                "must be between 0 and 100");
        check(b.retryDelay != null && !b.retryDelay.isNegative() && b.retryDelay.compareTo(TEN_MINUTES) <= 0,
                "retryDelay (POSTGRES_RETRY_DELAY)", millis(b.retryDelay), "must be between 0 and 10 minutes");
    }

    private static void secrets(HybridConfig.Builder b) {
        if (b.encryptionKey != null && b.encryptionKey.length != 32) {
            throw new ConfigurationException("encryptionKey (HYBRIDDB_ENCRYPTION_KEY)",
                    HybridConfig.MASK + " (" + b.encryptionKey.length + " bytes)", "must be 32 bytes (AES-256)");
        }
        check(b.encryptionKeyVersion >= 1 && b.encryptionKeyVersion <= Short.MAX_VALUE,
                "encryptionKeyVersion (HYBRIDDB_ENCRYPTION_KEY_VERSION)", b.encryptionKeyVersion, "must be between 1 and 32767");
        check(b.migrationUser == null || ROLE.matcher(b.migrationUser).matches(),
                "migrationUser (HYBRIDDB_MIGRATION_USER)", b.migrationUser, "must be a role name");
        if (b.migrationPassword != null && b.migrationUser == null) {
            throw new ConfigurationException("migrationPassword (HYBRIDDB_MIGRATION_PASSWORD)", HybridConfig.MASK,
                    "needs migrationUser (HYBRIDDB_MIGRATION_USER)");
        }
    }

    private static final Pattern READ_URL = Pattern.compile(
            "(?i)(?:jdbc:postgresql|postgresql|postgres)://([A-Za-z0-9._%:\\[\\],-]{1,1000})/([A-Za-z0-9_$-]{1,63})(\\?[^\\s]*)?");

    /**
     * The read URL in the {@code jdbc:postgresql://} form; refused when it is not a PostgreSQL URL
     * with hosts and a database, or carries credentials (the application role's are used).
     */
    static String jdbcForm(String url) {
        String masked = dev.hybriddb.internal.Redact.url(url);
        java.util.regex.Matcher m = READ_URL.matcher(url.trim());
        if (!m.matches()) {
            throw new ConfigurationException("readUrl (HYBRIDDB_READ_URL)", masked,
                    "must be jdbc:postgresql://host[:port][,host[:port]...]/database[?properties], without credentials");
        }
        String query = m.group(3) == null ? "" : m.group(3).toLowerCase(java.util.Locale.ROOT);
        if (query.matches(".*[?&](password|user)=.*")) {
            throw new ConfigurationException("readUrl (HYBRIDDB_READ_URL)", masked,
                    "must not carry credentials (the application role's user and password are used)");
        }
        return "jdbc:postgresql://" + m.group(1) + "/" + m.group(2) + (m.group(3) == null ? "" : m.group(3));
    }

    private static boolean validPort(String digits) {
        int p = Integer.parseInt(digits);
        return p >= 1 && p <= 65535;
    }

    private static String millis(Duration d) {
        return d == null ? null : d.toMillis() + " ms";
    }

    private static void check(boolean ok, String setting, Object value, String reason) {
        if (!ok) {
            throw new ConfigurationException(setting, value, reason);
        }
    }
}
