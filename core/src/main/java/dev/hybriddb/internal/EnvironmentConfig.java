package dev.hybriddb.internal;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.graph.SyncMode;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Reads {@link HybridConfig} settings from environment variables; validation stays in the builder. */
public final class EnvironmentConfig {
    private static final String MASK = "****";

    private EnvironmentConfig() {}

    /** Applies every variable present (blank counts as absent); DATABASE_URL wins over single variables. */
    public static void apply(Map<String, String> env, HybridConfig.Builder b) {
        text(env, "POSTGRES_HOST", b::host);
        integer(env, "POSTGRES_PORT", b::port);
        text(env, "POSTGRES_DB", b::database);
        text(env, "POSTGRES_USER", b::user);
        text(env, "POSTGRES_PASSWORD", b::password);
        text(env, "POSTGRES_SSL", v -> b.sslMode(sslMode(v)));
        integer(env, "POSTGRES_MIN_POOL_SIZE", b::minPoolSize);
        integer(env, "POSTGRES_MAX_POOL_SIZE", b::maxPoolSize);
        integer(env, "POSTGRES_CONNECTION_TIMEOUT", v -> b.connectionTimeout(Duration.ofMillis(v)));
        integer(env, "POSTGRES_IDLE_TIMEOUT", v -> b.idleTimeout(Duration.ofMillis(v)));
        integer(env, "POSTGRES_STATEMENT_TIMEOUT", v -> b.statementTimeout(Duration.ofMillis(v)));
        integer(env, "POSTGRES_LEAK_DETECTION_THRESHOLD", v -> b.leakDetectionThreshold(Duration.ofMillis(v)));
        integer(env, "POSTGRES_MAX_LIFETIME", v -> b.maxLifetime(Duration.ofMillis(v)));
        integer(env, "POSTGRES_KEEPALIVE_TIME", v -> b.keepaliveTime(Duration.ofMillis(v)));
        poolSizeAliases(env, b);
        integer(env, "POSTGRES_RETRY_ATTEMPTS", b::retryAttempts);
        integer(env, "POSTGRES_RETRY_DELAY", v -> b.retryDelay(Duration.ofMillis(v)));
        text(env, "HYBRIDDB_ENCRYPTION_KEY", b::encryptionKeyBase64);
        integer(env, "HYBRIDDB_ENCRYPTION_KEY_VERSION", b::encryptionKeyVersion);
        text(env, "HYBRIDDB_MIGRATION_USER", b::migrationUser);
        text(env, "HYBRIDDB_MIGRATION_PASSWORD", b::migrationPassword);
        text(env, "HYBRIDDB_READ_URL", b::readUrl);
        text(env, "HYBRIDDB_SYNC_MODE", v -> b.syncMode(SyncMode.parse("syncMode (HYBRIDDB_SYNC_MODE)", v)));
        text(env, "DATABASE_URL", v -> applyUrl("DATABASE_URL", v, b));
    }

    /**
     * SQLAlchemy's names: {@code POSTGRES_POOL_SIZE} connections kept open, and up to
     * {@code POSTGRES_MAX_OVERFLOW} (default 10) more under load. They set the minimum and the
     * maximum pool size unless {@code POSTGRES_MIN_POOL_SIZE} / {@code POSTGRES_MAX_POOL_SIZE} are given.
     */
    private static void poolSizeAliases(Map<String, String> env, HybridConfig.Builder b) {
        boolean explicitMin = present(env, "POSTGRES_MIN_POOL_SIZE");
        boolean explicitMax = present(env, "POSTGRES_MAX_POOL_SIZE");
        if (present(env, "POSTGRES_POOL_SIZE")) {
            int size = parse("POSTGRES_POOL_SIZE", env.get("POSTGRES_POOL_SIZE").trim());
            int overflow = present(env, "POSTGRES_MAX_OVERFLOW") ? parse("POSTGRES_MAX_OVERFLOW", env.get("POSTGRES_MAX_OVERFLOW").trim()) : 10;
            if (overflow < 0) {
                throw new ConfigurationException("POSTGRES_MAX_OVERFLOW", overflow, "must be at least 0");
            }
            if (!explicitMin) {
                b.minPoolSize(size);
            }
            if (!explicitMax) {
                b.maxPoolSize(size + overflow);
            }
        } else if (present(env, "POSTGRES_MAX_OVERFLOW")) {
            throw new ConfigurationException("POSTGRES_MAX_OVERFLOW", env.get("POSTGRES_MAX_OVERFLOW"), "needs POSTGRES_POOL_SIZE");
        }
    }

    private static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    private static int parse(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name, v, "must be an integer");
        }
    }

    /** POSTGRES_SSL: true/false (require/disable) or an sslmode name. */
    static String sslMode(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1", "yes", "on" -> "require";
            case "false", "0", "no", "off" -> "disable";
            default -> s;
        };
    }

    /** Decodes a base64 key; the value never appears in the message. */
    public static byte[] base64Key(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(v.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("encryptionKey (HYBRIDDB_ENCRYPTION_KEY)", MASK, "must be base64 of 32 bytes");
        }
    }

    /** Applies a {@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql://} URL. */
    public static void applyUrl(String setting, String url, HybridConfig.Builder b) {
        new DatabaseUrl(setting, url).applyTo(b);
    }

    private static void text(Map<String, String> env, String name, Consumer<String> set) {
        String v = env.get(name);
        if (v != null && !v.isBlank()) {
            set.accept(v.trim());
        }
    }

    private static void integer(Map<String, String> env, String name, Consumer<Integer> set) {
        text(env, name, v -> {
            try {
                set.accept(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw new ConfigurationException(name, v, "must be an integer");
            }
        });
    }
}
