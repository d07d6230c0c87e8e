package dev.hybriddb.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.Database;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh, migrated database with an owner pool (sync) and an application pool (writers). */
final class SyncTestDb implements AutoCloseable {
    final PostgresService pg;
    final HikariDataSource ownerPool;
    final HikariDataSource appPool;
    final Database owner;
    final Database app;

    private SyncTestDb(PostgresService pg) {
        this.pg = pg;
        this.ownerPool = pool(pg, pg.adminUser(), pg.adminPassword(), "owner");
        this.appPool = pool(pg, pg.appUser(), pg.appPassword(), "app");
        this.owner = Database.of(ownerPool);
        this.app = Database.of(appPool);
    }

    static SyncTestDb create(String prefix) {
        PostgresService pg = TestServices.freshDatabase(prefix);
        Migrations.using(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()).withAppRole(pg.appUser()).update();
        return new SyncTestDb(pg);
    }

    private static HikariDataSource pool(PostgresService pg, String user, String password, String name) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(pg.jdbcUrl());
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(8);
        c.setPoolName("sync-it-" + name);
        return new HikariDataSource(c);
    }

    RealtimeSync.ListenConnectionFactory listen() {
        return RealtimeSync.listenVia(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword());
    }

    long outboxCount() throws SQLException {
        try (Connection c = ownerPool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM hybriddb_sync.hybriddb_outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The outbox sequence's last value (rows ever created). */
    long outboxSequence() throws SQLException {
        try (Connection c = ownerPool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM hybriddb_sync.hybriddb_outbox_id_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Terminates the backends of the realtime sync's LISTEN connections; returns how many. */
    int terminateListeners() throws SQLException {
        try (Connection c = ownerPool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE datname = current_database() AND application_name = 'hybriddb-realtime-sync' AND pid <> pg_backend_pid()")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public void close() {
        appPool.close();
        ownerPool.close();
        TestServices.dropDatabase(pg);
    }
}
