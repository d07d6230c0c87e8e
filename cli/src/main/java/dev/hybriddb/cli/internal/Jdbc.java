package dev.hybriddb.cli.internal;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.UnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Plain connections for the CLI's one-shot work (no pool). */
public final class Jdbc {
    private Jdbc() {}

    /** A connection as the application role. */
    public static Connection app(HybridConfig config) {
        return open(config, config.user(), config.password());
    }

    /** A connection as the migration (owner) role. */
    public static Connection owner(HybridConfig config) {
        return open(config, config.migrationUser(), config.migrationPassword());
    }

    static Connection open(HybridConfig config, String user, String password) {
        Properties p = new Properties();
        config.connectionProperties().forEach(p::setProperty);
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        p.setProperty("sslmode", config.sslMode());
        p.setProperty("connectTimeout", Long.toString(Math.max(1, config.connectionTimeout().toSeconds())));
        p.setProperty("ApplicationName", "hybriddb-cli");
        try {
            return DriverManager.getConnection(config.jdbcUrl(), p);
        } catch (SQLException e) {
            throw new UnavailableException("cannot connect to PostgreSQL at " + config.jdbcUrl() + " as " + user
                    + ": " + firstLine(e.getMessage()), null);
        }
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
