package dev.hybriddb.cli.internal;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.UnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

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

    /** A non-pooled data source as the application role (the CLI runs one thing at a time). */
    public static DataSource appDataSource(HybridConfig config) {
        return dataSource(config, config.user(), config.password());
    }

    /** A non-pooled data source as the migration (owner) role. */
    public static DataSource ownerDataSource(HybridConfig config) {
        return dataSource(config, config.migrationUser(), config.migrationPassword());
    }

    static DataSource dataSource(HybridConfig config, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(config.jdbcUrl());
        Properties p = properties(config, user, password);
        for (String key : p.stringPropertyNames()) {
            try {
                ds.setProperty(key, p.getProperty(key));
            } catch (SQLException e) {
                throw new dev.hybriddb.ConfigurationException("connection property " + key, p.getProperty(key).length() > 0 && key.equals("password") ? "****" : p.getProperty(key), e.getMessage());
            }
        }
        return ds;
    }

    static Connection open(HybridConfig config, String user, String password) {
        Properties p = properties(config, user, password);
        try {
            return DriverManager.getConnection(config.jdbcUrl(), p);
        } catch (SQLException e) {
            throw new UnavailableException("cannot connect to PostgreSQL at " + config.jdbcUrl() + " as " + user
                    + ": " + firstLine(e.getMessage()), null);
        }
    }

    static Properties properties(HybridConfig config, String user, String password) {
        Properties p = new Properties();
        config.connectionProperties().forEach(p::setProperty);
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        p.setProperty("sslmode", config.sslMode());
        p.setProperty("connectTimeout", Long.toString(Math.max(1, config.connectionTimeout().toSeconds())));
        p.setProperty("ApplicationName", "hybriddb-cli");
        return p;
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
