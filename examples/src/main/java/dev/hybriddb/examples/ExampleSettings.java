package dev.hybriddb.examples;

import java.util.Map;
import java.util.Objects;

/**
 * Where the examples find their services: the variables printed by {@code scripts/services env}.
 * The password never appears in {@link #toString()}.
 */
public record ExampleSettings(String jdbcUrl, String adminUser, String adminPassword,
                              String appUser, String appPassword, String falkorHost, int falkorPort) {

    public ExampleSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(falkorHost, "falkorHost");
    }

    /** Reads {@code HYBRIDDB_PG_URL}, {@code HYBRIDDB_PG_*_USER/PASSWORD}, {@code HYBRIDDB_FALKOR_HOST/PORT}. */
    public static ExampleSettings fromEnvironment() {
        return from(System.getenv());
    }

    static ExampleSettings from(Map<String, String> env) {
        String url = env.get("HYBRIDDB_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("HYBRIDDB_PG_URL is not set: run `eval \"$(scripts/services env)\"` "
                    + "or use scripts/demo, which does it for you");
        }
        return new ExampleSettings(url,
                env.getOrDefault("HYBRIDDB_PG_ADMIN_USER", "hybriddb"),
                env.getOrDefault("HYBRIDDB_PG_ADMIN_PASSWORD", "hybriddb"),
                env.getOrDefault("HYBRIDDB_PG_APP_USER", "hybriddb_app"),
                env.getOrDefault("HYBRIDDB_PG_APP_PASSWORD", "hybriddb_app"),
                env.getOrDefault("HYBRIDDB_FALKOR_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("HYBRIDDB_FALKOR_PORT", "6379")));
    }

    @Override
    public String toString() {
        return "ExampleSettings[" + jdbcUrl + " as " + appUser + ", falkordb " + falkorHost + ":" + falkorPort + "]";
    }
}
