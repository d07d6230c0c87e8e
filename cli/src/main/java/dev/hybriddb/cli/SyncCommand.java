package dev.hybriddb.cli;

import dev.hybriddb.Database;
import dev.hybriddb.cli.internal.Jdbc;
import dev.hybriddb.cli.internal.ProgressPrinter;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.graph.RebuildResult;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Rebuilds tenants' graphs from PostgreSQL in batches. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Rebuilds each tenant's graph from PostgreSQL (batched, idempotent; the graph stays queryable).")
final class SyncCommand implements Callable<Integer> {
    @ParentCommand
    HybridDbCommand root;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    TenantOptions tenants;

    @Option(names = "--full", required = true, description = "rebuild everything (required: real-time sync runs in the application)")
    boolean full;

    @Option(names = "--progress", negatable = true, description = "progress bar (default: on a terminal only)")
    Boolean progress;

    @Override
    public Integer call() {
        Services s = new Services(root.env(), connection);
        List<UUID> chosen = tenants.resolve(s.config, root.out());
        boolean bar = progress != null ? progress : ProgressPrinter.onTerminal();
        try (GraphBackend graph = s.requireGraph()) {
            PostgresSync sync = PostgresSync.create(Database.of(Jdbc.appDataSource(s.config), s.config.retryPolicy()), graph);
            for (UUID tenant : chosen) {
                RebuildResult r = sync.rebuild(tenant, new ProgressPrinter(root.out(), bar));
                root.out().printf("sync: tenant %s -> graph %s (%s): %,d nodes upserted, %,d deleted, %,d edges in %d ms%n",
                        tenant, r.graph(), graph.name(), r.nodesUpserted(), r.nodesDeleted(), r.edgesWritten(), r.took().toMillis());
            }
        }
        return ExitCode.OK;
    }
}
