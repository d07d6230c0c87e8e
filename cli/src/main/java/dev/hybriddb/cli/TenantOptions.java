package dev.hybriddb.cli;

import dev.hybriddb.Database;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.cli.internal.Jdbc;
import dev.hybriddb.sync.PostgresSync;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The tenants a command works on: the ones given, or every tenant whose graph HybridDB sync wrote. */
final class TenantOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = {"-t", "--tenant"}, paramLabel = "UUID", required = true,
                description = "tenant id (repeatable); each tenant has its own graph")
        List<UUID> tenants;

        @Option(names = "--all-tenants", required = true,
                description = "every tenant registered by HybridDB sync (hybriddb_graph_tenants); reading the registry"
                        + " needs the owner role (HYBRIDDB_MIGRATION_USER)")
        boolean all;
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The tenants to work on. With --all-tenants and nothing registered yet, says so on
     * {@code out} and returns none.
     *
     * @throws ParameterException --all-tenants without the owner role (a usage error)
     */
    List<UUID> resolve(HybridConfig config, PrintWriter out) {
        if (!choice.all) {
            return choice.tenants;
        }
        if (!config.hasMigrationUser()) {
            throw new ParameterException(command.commandLine(), command.name() + " --all-tenants reads the tenant registry"
                    + " as the owner role: set HYBRIDDB_MIGRATION_USER (and HYBRIDDB_MIGRATION_PASSWORD) or pass --migration-user");
        }
        List<UUID> registered = PostgresSync.registeredTenants(Database.of(Jdbc.ownerDataSource(config), config.retryPolicy()));
        if (registered.isEmpty()) {
            out.println(command.name() + ": no tenant registered yet (hybriddb_graph_tenants is empty)");
        }
        return registered;
    }
}
