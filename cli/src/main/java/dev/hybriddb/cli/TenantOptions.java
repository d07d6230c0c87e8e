package dev.hybriddb.cli;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.cli.internal.Jdbc;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
        List<UUID> registered = registered(config);
        if (registered.isEmpty()) {
            out.println(command.name() + ": no tenant registered yet (hybriddb_graph_tenants is empty)");
        }
        return registered;
    }

    private static List<UUID> registered(HybridConfig config) {
        try (Connection c = Jdbc.owner(config);
             PreparedStatement ps = c.prepareStatement("SELECT tenant_id FROM hybriddb_sync.hybriddb_graph_tenants"
                     + " ORDER BY registered_at, tenant_id");
             ResultSet rs = ps.executeQuery()) {
            List<UUID> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
            return out;
        } catch (SQLException e) {
            throw new HybridDBException("cannot read the tenant registry hybriddb_sync.hybriddb_graph_tenants"
                    + " (migrations up to 0960 applied?): " + e.getMessage(), e);
        }
    }
}
