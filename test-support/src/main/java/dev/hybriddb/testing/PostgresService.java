package dev.hybriddb.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a test's PostgreSQL is: one database, an owner role (runs migrations, owns the tables) and
 * an application role (neither owns the tables nor bypasses row-level security).
 */
public final class PostgresService {
    private final String jdbcUrl;
    private final String adminUser;
    private final String adminPassword;
    private final String appUser;
    private final String appPassword;

    public PostgresService(String jdbcUrl, String adminUser, String adminPassword, String appUser, String appPassword) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.adminUser = Objects.requireNonNull(adminUser, "adminUser");
        this.adminPassword = Objects.requireNonNull(adminPassword, "adminPassword");
        this.appUser = Objects.requireNonNull(appUser, "appUser");
        this.appPassword = Objects.requireNonNull(appPassword, "appPassword");
    }

    public String jdbcUrl() { return jdbcUrl; }
    public String adminUser() { return adminUser; }
    public String adminPassword() { return adminPassword; }
    public String appUser() { return appUser; }
    public String appPassword() { return appPassword; }

    /** The database name, the last path segment of the JDBC URL. */
    public String database() {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        String path = rest.substring(rest.indexOf('/') + 1);
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** The same server, another database. */
    public PostgresService withDatabase(String database) {
        String base = jdbcUrl.substring(0, jdbcUrl.indexOf('/', jdbcUrl.indexOf("//") + 2) + 1);
        int q = jdbcUrl.indexOf('?');
        return new PostgresService(base + database + (q < 0 ? "" : jdbcUrl.substring(q)),
                adminUser, adminPassword, appUser, appPassword);
    }

    public Connection openAdmin() throws SQLException { return open(adminUser, adminPassword); }

    public Connection openApp() throws SQLException { return open(appUser, appPassword); }

    private Connection open(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl, p);
    }

    @Override
    public String toString() {
        return "PostgresService[" + jdbcUrl + ", admin=" + adminUser + ", app=" + appUser + ", passwords=****]";
    }
}
