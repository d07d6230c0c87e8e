package com.example.tasks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A new, empty database on the PostgreSQL server named by the variables of
 * {@code scripts/services env} ({@code DATABASE_URL}, {@code HYBRIDDB_MIGRATION_USER}, ...), so
 * that the test leaves the shared database alone. Created from {@code template1}, which carries the
 * vector extension; the application role may connect and create schemas in it.
 */
final class ScratchDatabase implements AutoCloseable {
    final String adminUrl;
    final String url;
    final String name;
    final String adminUser;
    final String adminPassword;
    final String appUser;
    final String appPassword;
    final String falkorHost;
    final int falkorPort;

    private ScratchDatabase(Map<String, String> env) {
        String serverUrl = env.get("DATABASE_URL");
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new IllegalStateException("DATABASE_URL is not set: run `eval \"$(scripts/services env)\"` first");
        }
        adminUrl = serverUrl;
        adminUser = env.getOrDefault("HYBRIDDB_MIGRATION_USER", "hybriddb");
        adminPassword = env.getOrDefault("HYBRIDDB_MIGRATION_PASSWORD", "hybriddb");
        appUser = env.getOrDefault("POSTGRES_USER", "hybriddb_app");
        appPassword = env.getOrDefault("POSTGRES_PASSWORD", "hybriddb_app");
        falkorHost = env.getOrDefault("HYBRIDDB_FALKOR_HOST", "127.0.0.1");
        falkorPort = Integer.parseInt(env.getOrDefault("HYBRIDDB_FALKOR_PORT", "6379"));
        name = "consumer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        url = serverUrl.replaceFirst("^(jdbc:postgresql://[^/?]+/)[^?]*", "$1" + name);
        if (url.equals(serverUrl)) {
            throw new IllegalStateException("DATABASE_URL is not jdbc:postgresql://host:port/database: " + serverUrl);
        }
    }

    static ScratchDatabase create() {
        ScratchDatabase db = new ScratchDatabase(System.getenv());
        // name is generated above ([a-z0-9_] only) and appUser comes from the environment; quote both
        db.admin("CREATE DATABASE " + db.name + " TEMPLATE template1");
        db.admin("GRANT CREATE, CONNECT ON DATABASE " + db.name + " TO \"" + db.appUser.replace("\"", "\"\"") + "\"");
        return db;
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run admin statement on " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
