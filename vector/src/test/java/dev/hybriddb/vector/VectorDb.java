package dev.hybriddb.vector;

import dev.hybriddb.Database;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.PreparedStatement;
import java.util.UUID;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A fresh database migrated as the owner role (master changelog), with a {@link Database} for the
 * application role (queries, row-level security in force) and one for the owner (index DDL).
 */
final class VectorDb implements AutoCloseable {
    final PostgresService pg;
    final Database app;
    final Database owner;

    private final HikariDataSource appPool;
    private final HikariDataSource ownerPool;

    private VectorDb(PostgresService pg) {
        this.pg = pg;
        this.appPool = pool(pg.appUser(), pg.appPassword());
        this.ownerPool = pool(pg.adminUser(), pg.adminPassword());
        this.app = Database.of(appPool);
        this.owner = Database.of(ownerPool);
    }

    static VectorDb create(String prefix) {
        PostgresService pg = TestServices.freshDatabase(prefix);
        try {
            migrate(pg, null);
            return new VectorDb(pg);
        } catch (Exception e) {
            TestServices.dropDatabase(pg);
            throw new IllegalStateException("migration failed: " + e.getMessage(), e);
        }
    }

    /** Runs the master changelog as the owner; rolls back to {@code rollbackTag} instead when not null. */
    static void migrate(PostgresService pg, String rollbackTag) {
        Migrations m = Migrations.using(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()).withAppRole(pg.appUser());
        if (rollbackTag == null) {
            m.update();
        } else {
            m.rollbackTo(rollbackTag);
        }
    }

    /** A new tenant row (the tables' tenant_id references tenants). */
    UUID newTenant(String name) {
        UUID id = UUID.randomUUID();
        app.inTenant(id, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenants (id, name, slug) VALUES (?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, name);
                ps.setString(3, name.toLowerCase().replace(' ', '-') + "-" + id.toString().substring(0, 8));
                ps.executeUpdate();
            }
            return null;
        });
        return id;
    }

    private HikariDataSource pool(String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.jdbcUrl());
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        appPool.close();
        ownerPool.close();
        TestServices.dropDatabase(pg);
    }
}
