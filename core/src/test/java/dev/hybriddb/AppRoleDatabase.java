package dev.hybriddb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;

/** A fresh database and a one-connection pool of the application role, for the Database ITs. */
final class AppRoleDatabase implements AutoCloseable {
    final PostgresService pg;
    final HikariDataSource pool;

    private AppRoleDatabase(PostgresService pg, HikariDataSource pool) {
        this.pg = pg;
        this.pool = pool;
    }

    static AppRoleDatabase create(String prefix) {
        PostgresService pg = TestServices.freshDatabase(prefix);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(pg.jdbcUrl());
        hc.setUsername(pg.appUser());
        hc.setPassword(pg.appPassword());
        hc.setMaximumPoolSize(1);
        hc.setPoolName(prefix + "-it");
        return new AppRoleDatabase(pg, new HikariDataSource(hc));
    }

    /** Closes the pool and drops the database; null-safe for a failed set-up. */
    static void close(AppRoleDatabase db) {
        if (db != null) {
            db.close();
        }
    }

    @Override
    public void close() {
        pool.close();
        TestServices.dropDatabase(pg);
    }
}
