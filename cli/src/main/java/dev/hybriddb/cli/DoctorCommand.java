package dev.hybriddb.cli;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.cli.internal.AgeChecks;
import dev.hybriddb.cli.internal.CaptureState;
import dev.hybriddb.cli.internal.Check;
import dev.hybriddb.cli.internal.Jdbc;
import dev.hybriddb.cli.internal.PostgresChecks;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphHealth;
import dev.hybriddb.schema.MigrationStatus;
import java.sql.Connection;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Checks an installation: PostgreSQL reachable, extensions and versions, the application role
 * (not superuser, cannot bypass RLS, owns nothing, no access to AGE graphs), RLS forced on tenant
 * tables, the graph, the
 * outbox backlog and the change capture (triggers, or the WAL slot a WalCapture reads).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks extensions, the application role, row-level security, the graph, the outbox and change capture.")
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    HybridDbCommand root;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        Services services = new Services(root.env(), connection);
        HybridConfig config = services.config;
        List<Check> checks = new ArrayList<>();
        try (Connection c = Jdbc.app(config)) {
            checks.add(PostgresChecks.server(c));
            checks.addAll(PostgresChecks.extensions(c));
            checks.addAll(PostgresChecks.appRole(c));
            checks.addAll(PostgresChecks.appRoleRights(c));
            checks.add(PostgresChecks.rowLevelSecurity(c));
            checks.add(PostgresChecks.trigramIndexes(c));
            checks.add(AgeChecks.isolation(c, "age".equals(services.graph), config.migrationUser()));
        }
        checks.add(migrations(services));
        checks.add(graph(services));
        checks.add(outbox(services));
        checks.add(capture(services));
        checks.forEach(root.out()::println);
        long failed = checks.stream().filter(ch -> ch.status() == Check.Status.FAIL).count();
        root.out().println(failed == 0 ? "doctor: all checks passed" : "doctor: " + failed + " check(s) failed");
        return failed == 0 ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
    }

    static Check migrations(Services services) {
        if (!services.config.hasMigrationUser()) {
            return Check.warn("migrations", "not checked: set HYBRIDDB_MIGRATION_USER to read the changelog table");
        }
        try {
            MigrationStatus st = services.migrations().status();
            return st.isUpToDate()
                    ? Check.ok("migrations", st.applied().size() + " applied, none pending" + st.lastTag().map(t -> ", tag " + t).orElse(""))
                    : Check.fail("migrations", st.pendingCount() + " pending: run `hybriddb migrate`");
        } catch (RuntimeException e) {
            return Check.fail("migrations", e.getMessage());
        }
    }

    /** Outbox rows waiting for the graph (read as the owner: the application role cannot see the outbox). */
    static Check outbox(Services services) {
        if (!services.config.hasMigrationUser()) {
            return Check.warn("outbox backlog", "not checked: set HYBRIDDB_MIGRATION_USER (the outbox is owner-only)");
        }
        try (Connection c = Jdbc.owner(services.config)) {
            return PostgresChecks.outboxBacklog(c);
        } catch (java.sql.SQLException e) {
            return Check.fail("outbox backlog", e.getMessage());
        }
    }

    /** How changes reach the outbox: triggers, or WAL through a replication slot (owner-only, like the outbox). */
    static Check capture(Services services) {
        if (!services.config.hasMigrationUser()) {
            return Check.warn(CaptureState.CHECK, "not checked: set HYBRIDDB_MIGRATION_USER (the capture settings are owner-only)");
        }
        try (Connection c = Jdbc.owner(services.config)) {
            return CaptureState.read(c).check();
        } catch (java.sql.SQLException e) {
            return Check.fail(CaptureState.CHECK, e.getMessage());
        }
    }

    static Check graph(Services services) {
        Optional<GraphBackend> backend = services.openGraph();
        if (backend.isEmpty()) {
            return Check.warn("graph", "none configured: coordination queries use the SQL fallback");
        }
        try (GraphBackend g = backend.get()) {
            GraphHealth h = g.health();
            return h.up() ? Check.ok("graph " + g.name(), "reachable in " + h.latency().toMillis() + " ms")
                    : Check.fail("graph " + g.name(), "unreachable: " + h.detail());
        }
    }
}
