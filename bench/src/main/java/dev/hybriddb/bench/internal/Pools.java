package dev.hybriddb.bench.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.testing.PostgresService;

/** Small HikariCP pools the scenarios open beside the SDK's own (the owner role, or raw JDBC baselines). */
public final class Pools {
    private Pools() {}

    /** A pool of the owner (migration) role. */
    public static HikariDataSource owner(PostgresService pg, int size, String name) {
        return open(pg, pg.adminUser(), pg.adminPassword(), size, name);
    }

    /** A pool of the application role. */
    public static HikariDataSource app(PostgresService pg, int size, String name) {
        return open(pg, pg.appUser(), pg.appPassword(), size, name);
    }

    private static HikariDataSource open(PostgresService pg, String user, String password, int size, String name) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(pg.jdbcUrl());
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(size);
        c.setPoolName(name);
        return new HikariDataSource(c);
    }
}
