package dev.hybriddb.cli;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.cli.internal.Check;
import dev.hybriddb.cli.internal.Jdbc;
import dev.hybriddb.cli.internal.PostgresChecks;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * Checks an installation: PostgreSQL reachable, extensions and versions, the application role
 * (not superuser, cannot bypass RLS, owns nothing), RLS forced on tenant tables, the graph.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks extensions, the application role, row-level security and the graph.")
final class DoctorCommand implements Callable<Integer> {
    @ParentCommand
    HybridDbCommand root;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws Exception {
        HybridConfig config = connection.config(root.env());
        String graph = connection.graphBackend(root.env());
        List<Check> checks = new ArrayList<>();
        try (Connection c = Jdbc.app(config)) {
            checks.add(PostgresChecks.server(c));
            checks.addAll(PostgresChecks.extensions(c));
            checks.addAll(PostgresChecks.appRole(c));
            checks.add(PostgresChecks.rowLevelSecurity(c));
        }
        checks.forEach(root.out()::println);
        long failed = checks.stream().filter(ch -> ch.status() == Check.Status.FAIL).count();
        root.out().println(failed == 0 ? "doctor: all checks passed" : "doctor: " + failed + " check(s) failed");
        return failed == 0 ? ExitCode.OK : ExitCode.PROBLEMS_FOUND;
    }
}
