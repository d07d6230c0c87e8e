package dev.hybriddb.bench.scenarios;

import static dev.hybriddb.jooq.Tables.AGENTS;

import dev.hybriddb.HybridDB;
import dev.hybriddb.bench.BenchContext;
import dev.hybriddb.bench.Scenario;
import dev.hybriddb.bench.ScenarioResult;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.testing.PostgresService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Create, read, update, delete of one agent per cycle, each step its own tenant-scoped
 * transaction, in two pairs measured against each other:
 * <ul>
 *   <li>{@code sdk-repository}: the repository API ({@code s.agents().create/get/updateStatus/delete})
 *       against {@code raw-jdbc-repository-sql}: raw JDBC on the same pool sending exactly the SQL
 *       the repository sends (every column returned, the tenant filter in the WHERE) and reading
 *       every returned column. The 1.2x target is on this pair.</li>
 *   <li>{@code sdk-hybriddb-jooq}: hand-written jOOQ DSL inside {@code withTenant} against
 *       {@code raw-jdbc}: the same statements with the same bind values (the raw read reads every
 *       column of the row, as the SDK maps it into a record). Reported, no target.</li>
 * </ul>
 * The four paths take turns cycle by cycle (rotating which goes first), so the noise of a shared
 * machine falls on all alike rather than on whichever block of cycles it happened to hit. All
 * first warm up for as many cycles as are measured: the SDK paths run far more code and need a few
 * thousand cycles on a loaded 2-core machine to reach the steady state the target is about.
 */
public final class RepositoryCrud implements Scenario {
    private static final String RETURNING = " returning \"public\".\"agents\".\"id\", \"public\".\"agents\".\"tenant_id\", \"public\".\"agents\".\"swarm_id\", "
            + "\"public\".\"agents\".\"name\", \"public\".\"agents\".\"role\", \"public\".\"agents\".\"model\", \"public\".\"agents\".\"task\", \"public\".\"agents\".\"status\", "
            + "\"public\".\"agents\".\"lifecycle_state\", \"public\".\"agents\".\"capabilities\", \"public\".\"agents\".\"pos_x\", \"public\".\"agents\".\"pos_y\", "
            + "\"public\".\"agents\".\"pos_z\", \"public\".\"agents\".\"manager_id\", \"public\".\"agents\".\"paused_by\", \"public\".\"agents\".\"paused_at\", "
            + "\"public\".\"agents\".\"config\", \"public\".\"agents\".\"metadata\", \"public\".\"agents\".\"started_at\", \"public\".\"agents\".\"completed_at\", "
            + "\"public\".\"agents\".\"created_at\", \"public\".\"agents\".\"updated_at\"";
    private static final String BY_KEY = " where (\"public\".\"agents\".\"tenant_id\" = cast(? as uuid) and \"public\".\"agents\".\"id\" = cast(? as uuid))";
    /** The statements {@code AgentRepo} sends for this cycle (as rendered by jOOQ, once per shape). */
    static final String REPO_INSERT = "insert into \"public\".\"agents\" (\"name\", \"tenant_id\") values (?, cast(? as uuid))" + RETURNING;
    static final String REPO_SELECT = "select" + RETURNING.substring(" returning".length()) + " from \"public\".\"agents\"" + BY_KEY;
    static final String REPO_UPDATE = "update \"public\".\"agents\" set \"status\" = cast(? as \"public\".\"agent_status\")" + BY_KEY + RETURNING;
    static final String REPO_DELETE = "delete from \"public\".\"agents\"" + BY_KEY;

    @Override
    public String name() {
        return "repository-crud";
    }

    /** One CRUD cycle of one path. */
    private interface Path {
        void cycle() throws SQLException;
    }

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        ScenarioResult result = new ScenarioResult(name());
        PostgresService pg = ctx.migratedDatabase();
        try (HybridDB db = HybridDB.builder().config(ctx.config(pg, 4)).build()) {
            UUID tenant = ctx.newTenant(db, "crud");
            DataSource ds = db.database().dataSource();
            int total = Math.max(40, ctx.profile().crudOps());
            Path[] paths = {
                () -> repository(db, tenant), () -> rawRepositorySql(ds, tenant),
                () -> sdk(db, tenant, 1), () -> raw(ds, tenant, 1)};
            long[] nanos = new long[paths.length];
            for (int i = 0; i < total; i++) {                  // warm-up all paths, as long as measured
                for (Path p : paths) {
                    p.cycle();
                }
            }
            for (int i = 0; i < total; i++) {                  // cycle by cycle, rotating who goes first
                for (int k = 0; k < paths.length; k++) {
                    int p = (i + k) % paths.length;
                    long t0 = System.nanoTime();
                    paths[p].cycle();
                    nanos[p] += System.nanoTime() - t0;
                }
            }
            double repoRate = rate(result, "sdk-repository", total, nanos[0]);
            double repoRawRate = rate(result, "raw-jdbc-repository-sql", total, nanos[1]);
            double sdkRate = rate(result, "sdk-hybriddb-jooq", total, nanos[2]);
            double rawRate = rate(result, "raw-jdbc", total, nanos[3]);
            result.metric("sdk-hybriddb-jooq", "SDK time / raw JDBC time", "x", rawRate / sdkRate);
            ctx.log("CRUD %,d cycles: repository %,.0f/s vs its raw SQL %,.0f/s; jOOQ DSL %,.0f/s vs raw JDBC %,.0f/s",
                    total, repoRate, repoRawRate, sdkRate, rawRate);
            result.atMost("repository time / raw JDBC (same SQL) time <= 1.2", repoRawRate / repoRate, 1.2);
            result.note("sdk-hybriddb-jooq (hand-written jOOQ DSL) vs raw-jdbc: reported, no target");
        }
        return result;
    }

    private static double rate(ScenarioResult result, String variant, int cycles, long nanos) {
        return result.metric(variant, "CRUD cycles/s", "cycles/s", cycles / (nanos / 1e9));
    }

    /** One cycle through the repository API, each step its own transaction. */
    private static void repository(HybridDB db, UUID tenant) {
        UUID id = db.withTenant(tenant, s -> s.agents().create(AgentFields.of("agent", null, null, null))).id();
        db.withTenant(tenant, s -> s.agents().get(id));
        db.withTenant(tenant, s -> s.agents().updateStatus(id, AgentStatus.RUNNING));
        db.withTenant(tenant, s -> s.agents().delete(id));
    }

    /** The same cycle in raw JDBC sending the repository's SQL and reading every returned column. */
    private static void rawRepositorySql(DataSource ds, UUID tenant) throws SQLException {
        UUID id = tx(ds, tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(REPO_INSERT)) {
                ps.setString(1, "agent");
                ps.setObject(2, tenant);
                return (UUID) readOne(ps)[0];
            }
        });
        tx(ds, tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(REPO_SELECT)) {
                byKey(ps, 1, tenant, id);
                return readOne(ps);
            }
        });
        tx(ds, tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(REPO_UPDATE)) {
                ps.setString(1, AgentStatus.RUNNING.literal());
                byKey(ps, 2, tenant, id);
                return readOne(ps);
            }
        });
        tx(ds, tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(REPO_DELETE)) {
                byKey(ps, 1, tenant, id);
                return ps.executeUpdate();
            }
        });
    }

    private static void byKey(PreparedStatement ps, int first, UUID tenant, UUID id) throws SQLException {
        ps.setObject(first, tenant);
        ps.setObject(first + 1, id);
    }

    /** Every column of the single row of the query, or null. */
    private static Object[] readOne(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? readRow(rs) : null;
        }
    }

    /** One cycle of hand-written jOOQ DSL inside {@code withTenant}. */
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
                return s.dsl().update(AGENTS).set(AGENTS.STATUS, AgentStatus.RUNNING).where(AGENTS.ID.eq(id)).execute();
            });
            db.withTenant(tenant, s -> {
                return s.dsl().deleteFrom(AGENTS).where(AGENTS.ID.eq(id)).execute();
            });
        }
    }

    /** The hand-written jOOQ cycle's statements in raw JDBC. */
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
                    ps.setString(1, AgentStatus.RUNNING.literal());
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
