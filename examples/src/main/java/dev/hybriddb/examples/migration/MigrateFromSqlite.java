package dev.hybriddb.examples.migration;

import dev.hybriddb.HybridDB;
import dev.hybriddb.examples.ExampleSettings;
import dev.hybriddb.examples.migration.sqlite.DashAgent;
import dev.hybriddb.examples.migration.sqlite.DashSwarm;
import dev.hybriddb.examples.migration.sqlite.HybridDash;
import dev.hybriddb.examples.migration.sqlite.SqliteDash;
import dev.hybriddb.migrate.ConsistencyReport;
import dev.hybriddb.migrate.Migration;
import dev.hybriddb.migrate.MigrationSettings;
import dev.hybriddb.migrate.RepairResult;
import dev.hybriddb.migrate.SourceOfTruth;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.model.TenantType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An application keeps its swarms and agents in a SQLite file and moves
 * them onto HybridDB with {@code dev.hybriddb.migrate}: backfill through the typed repositories,
 * dual writes, a consistency check that finds and repairs drift, reads moved to PostgreSQL step
 * by step, the cut-over, and a rollback to the SQLite file with nothing lost.
 *
 * <p>The switches come from the environment ({@code DUAL_WRITE_MODE}, {@code READ_FROM_POSTGRES_PERCENT});
 * this program starts at dual writes with every read from SQLite unless they are set.
 */
public final class MigrateFromSqlite {
    private MigrateFromSqlite() {}

    /** The outcome, for tests. */
    public record Result(UUID tenantId, int swarmsMoved, int agentsMoved, ConsistencyReport drift, boolean consistentAtCutOver,
            double postgresShareAtHalf, int agentsInPostgresAfterCutOver, int agentsInSqliteBeforeRollback,
            RepairResult rollback, int agentsInSqliteAfterRollback) {}

    /** {@code args[0]}: the SQLite file (default: a new file in the temporary directory). */
    public static void main(String[] args) throws IOException {
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("hybriddb-dash-", ".db");
        Map<String, String> env = new HashMap<>(Map.of(MigrationSettings.DUAL_WRITE_MODE, "true"));
        env.putAll(System.getenv());
        // tag::settings[]
        MigrationSettings start = MigrationSettings.fromEnvironment(env);   // DUAL_WRITE_MODE, READ_FROM_POSTGRES_PERCENT
        // end::settings[]
        run(ExampleSettings.fromEnvironment(), System.out, file, start);
    }

    /** The application's life so far: 3 swarms of 4 agents each. */
    static void fillLegacy(SqliteDash legacy) {
        for (int s = 0; s < 3; s++) {
            String swarm = "swarm-" + s;
            legacy.swarms().write(new DashSwarm(swarm, "Swarm " + s, "active"));
            for (int a = 0; a < 4; a++) {
                legacy.agents().write(new DashAgent(String.format("agent-%02d", s * 4 + a), swarm, "Agent " + (s * 4 + a),
                        "kimi-k2.5", "Build feature " + a, "idle"));
            }
        }
    }

    public static Result run(ExampleSettings settings, PrintStream out, Path file, MigrationSettings start) {
        try (SqliteDash legacy = SqliteDash.open(file); HybridDB db = HybridDB.builder().config(settings.hybridConfig()).build()) {
            if (legacy.swarms().readAll().isEmpty()) {
                fillLegacy(legacy);
            }
            out.println("0. SQLite file " + file.getFileName() + ": " + legacy.swarms().readAll().size() + " swarms, "
                    + legacy.agents().readAll().size() + " agents; switches " + start);
            db.migrate();
            // the moved workspace keeps more agents than the free plan allows
            UUID tenant = db.createTenant(TenantFields.of("Dash", "dash-" + UUID.randomUUID())
                    .withType(TenantType.PROFESSIONAL)).id();
            HybridDash home = new HybridDash(db, tenant);

            // tag::backfill[]
            Migration<DashSwarm> swarms = Migration.of(legacy.swarms(), home.swarms(), DashSwarm::id, start);
            Migration<DashAgent> agents = Migration.of(legacy.agents(), home.agents(), DashAgent::id, start);
            int swarmsMoved = swarms.backfill().written();       // swarms first: agents refer to them
            int agentsMoved = agents.backfill().written();
            // end::backfill[]
            out.println("1. Backfilled " + swarmsMoved + " swarms and " + agentsMoved + " agents through the repositories (tenant "
                    + tenant + ")");

            ConsistencyReport drift = dualWrites(out, legacy, agents);
            double half = moveReads(out, swarms, agents);

            // tag::cut-over[]
            boolean consistent = swarms.cutOver().consistent() && agents.cutOver().consistent();
            agents.store().write(new DashAgent("agent-99", "swarm-0", "Agent 99", "kimi-k2.5", "Written after the cut-over", "running"));
            // end::cut-over[]
            int inPostgres = home.agents().readAll().size();
            int inSqlite = legacy.agents().readAll().size();
            out.println("5. Cut-over (consistent: " + consistent + "): " + inPostgres + " agents in PostgreSQL, the SQLite file"
                    + " is no longer written (" + inSqlite + " agents there)");

            // tag::rollback[]
            RepairResult back = agents.rollBack(MigrationSettings.legacyOnly());
            swarms.rollBack(MigrationSettings.legacyOnly());
            // end::rollback[]
            int afterRollback = legacy.agents().readAll().size();
            out.println("6. Rolled back to SQLite: " + back.written() + " agent(s) copied back, " + afterRollback
                    + " agents in the file, consistent: " + agents.check().consistent());
            return new Result(tenant, swarmsMoved, agentsMoved, drift, consistent, half, inPostgres, inSqlite, back, afterRollback);
        }
    }

    /** Traffic through the dual writer, a write path that bypasses it, the check and the repair. */
    private static ConsistencyReport dualWrites(PrintStream out, SqliteDash legacy, Migration<DashAgent> agents) {
        // tag::dual-writes[]
        for (int i = 0; i < 4; i++) {                            // the application pauses four agents
            String id = String.format("agent-%02d", i);
            agents.store().write(agents.store().read(id).orElseThrow().withStatus("paused"));
        }
        // end::dual-writes[]
        out.println("2. Dual writes: 4 agents paused in both stores, " + agents.store().stats().secondaryWriteFailures()
                + " PostgreSQL write failures");
        legacy.agents().write(legacy.agents().read("agent-11").orElseThrow().withTask("Forgotten write path"));
        // tag::check[]
        ConsistencyReport report = agents.check();
        if (!report.consistent()) {
            agents.repair(report, SourceOfTruth.LEGACY);
        }
        // end::check[]
        out.println("3. Consistency check: only in SQLite " + report.onlyInLegacy() + ", only in PostgreSQL "
                + report.onlyInPostgres() + ", different " + report.different() + "; repaired, consistent now: "
                + agents.check().consistent());
        return report;
    }

    /** Reads move to PostgreSQL: 10%, 50%, 100% of agent keys. Returns PostgreSQL's share at 50%. */
    private static double moveReads(PrintStream out, Migration<DashSwarm> swarms, Migration<DashAgent> agents) {
        List<String> keys = agents.store().readAll().stream().map(DashAgent::id).toList();
        double half = 0;
        for (int percent : List.of(10, 50, 100)) {
            // tag::read-switch[]
            swarms.store().apply(MigrationSettings.dualWrites(percent));
            agents.store().apply(MigrationSettings.dualWrites(percent));
            // end::read-switch[]
            long before = agents.store().stats().postgresReads();
            for (String key : keys) {
                agents.store().read(key);
            }
            double share = (double) (agents.store().stats().postgresReads() - before) / keys.size();
            half = percent == 50 ? share : half;
            out.printf("4. READ_FROM_POSTGRES_PERCENT=%d: %.0f%% of %d agent reads served by PostgreSQL%n", percent, share * 100,
                    keys.size());
        }
        return half;
    }
}
