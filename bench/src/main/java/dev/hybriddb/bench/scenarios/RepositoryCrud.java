package dev.hybriddb.bench.scenarios;

import static dev.hybriddb.jooq.Tables.AGENTS;

import dev.hybriddb.HybridDB;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.Scenario;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.jooq.enums.AgentStatus;
import dev.hybriddb.testing.PostgresService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Create, read, update, delete of one agent per cycle, each step its own tenant-scoped
 * transaction: through HybridDB ({@code withTenant} + generated jOOQ records) against raw JDBC on
 * the same pool doing the same statements with the same bind values (the raw read reads every
 * column of the row, as the SDK maps it into a record). The two paths take turns cycle by cycle
 * (and turns at going first), so the noise of a shared machine falls on both alike rather than on
 * whichever block of cycles it happened to hit. Both first warm up for as many cycles as are
 * measured: the SDK path runs far more code (jOOQ renders and maps every statement) and needs a few
 * thousand cycles on a loaded 2-core machine to reach the steady state the target is about.
 */
public final class RepositoryCrud implements Scenario {
    @Override
    public String name() {
        return "repository-crud";
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        ScenarioResult result = new ScenarioResult(name());
        PostgresService pg = ctx.migratedDatabase();
        try (HybridDB db = HybridDB.builder().config(ctx.config(pg, 4)).build()) {
            UUID tenant = ctx.newTenant(db, "crud");
            DataSource ds = db.database().dataSource();
            int total = Math.max(40, ctx.profile().crudOps());
            for (int i = 0; i < total; i++) {                  // warm-up both paths, as long as measured
                sdk(db, tenant, 1);
                raw(ds, tenant, 1);
            }
            long sdkNanos = 0;
            long rawNanos = 0;
            for (int i = 0; i < total; i++) {                  // cycle by cycle, taking turns to go first
                boolean sdkFirst = i % 2 == 0;
                long t0 = System.nanoTime();
                if (sdkFirst) {
                    sdk(db, tenant, 1);
                } else {
                    raw(ds, tenant, 1);
                }
                long t1 = System.nanoTime();
                if (sdkFirst) {
                    raw(ds, tenant, 1);
                } else {
                    sdk(db, tenant, 1);
                }
                long t2 = System.nanoTime();
                sdkNanos += sdkFirst ? t1 - t0 : t2 - t1;
                rawNanos += sdkFirst ? t2 - t1 : t1 - t0;
            }
            double sdkRate = result.metric("sdk-hybriddb-jooq", "CRUD cycles/s", "cycles/s", total / (sdkNanos / 1e9));
            double rawRate = result.metric("raw-jdbc", "CRUD cycles/s", "cycles/s", total / (rawNanos / 1e9));
            ctx.log("CRUD %,d cycles: SDK %,.0f/s, raw JDBC %,.0f/s", total, sdkRate, rawRate);
            result.atMost("SDK time / raw JDBC time <= 1.2", rawRate / sdkRate, 1.2);
        }
        return result;
    }

    private static void sdk(HybridDB db, UUID tenant, int n) {
        for (int i = 0; i < n; i++) {
            UUID id = db.withTenant(tenant, s -> {
                return s.dsl().insertInto(AGENTS).set(AGENTS.TENANT_ID, tenant).set(AGENTS.NAME, "agent")
                        .returning(AGENTS.ID).fetchOne(AGENTS.ID);
            });
            db.withTenant(tenant, s -> {
                return s.dsl().selectFrom(AGENTS).where(AGENTS.ID.eq(id)).fetchOne();
            });
            db.withTenant(tenant, s -> {
                return s.dsl().update(AGENTS).set(AGENTS.STATUS, AgentStatus.running).where(AGENTS.ID.eq(id)).execute();
            });
            db.withTenant(tenant, s -> {
                return s.dsl().deleteFrom(AGENTS).where(AGENTS.ID.eq(id)).execute();
            });
        }
    }

    private static void raw(DataSource ds, UUID tenant, int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            UUID id = tx(ds, tenant, c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO agents (tenant_id, name) VALUES (?, ?) RETURNING id")) {
                    ps.setObject(1, tenant);
                    ps.setString(2, "agent");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return (UUID) rs.getObject(1);
                    }
                }
            });
            tx(ds, tenant, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM agents WHERE id = ?")) {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? readRow(rs) : null;
                    }
                }
            });
            tx(ds, tenant, c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE agents SET status = ?::agent_status WHERE id = ?")) {
                    ps.setString(1, AgentStatus.running.getLiteral());
                    ps.setObject(2, id);
                    return ps.executeUpdate();
                }
            });
            tx(ds, tenant, c -> update(c, "DELETE FROM agents WHERE id = ?", id));
        }
    }

    /** Every column of the current row, as the SDK's record holds it. */
    private static Object[] readRow(ResultSet rs) throws SQLException {
        Object[] row = new Object[rs.getMetaData().getColumnCount()];
        for (int i = 0; i < row.length; i++) {
            row[i] = rs.getObject(i + 1);
        }
        return row;
    }

    private static int update(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            return ps.executeUpdate();
        }
    }

    /** One transaction with the tenant set, as raw JDBC code would write it. */
    private static <T> T tx(DataSource ds, UUID tenant, dev.hybriddb.SqlFunction<Connection, T> work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('hybriddb.tenant_id', ?, true)")) {
                ps.setString(1, tenant.toString());
                ps.execute();
            }
            T out = work.apply(c);
            c.commit();
            return out;
        }
    }
}
