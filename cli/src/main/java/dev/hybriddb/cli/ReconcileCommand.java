package dev.hybriddb.cli;

import dev.hybriddb.Database;
import dev.hybriddb.cli.internal.Jdbc;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.SyncResult;
import dev.hybriddb.sync.reconcile.DriftReport;
import dev.hybriddb.sync.reconcile.EdgeDrift;
import dev.hybriddb.sync.reconcile.LabelDrift;
import dev.hybriddb.sync.reconcile.Reconciler;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Compares PostgreSQL and the graph; repairs drift with --repair. Exit 1 when drift remains. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compares PostgreSQL with each tenant's graph (ids and property hashes); --repair fixes the drift. Exit code 1 when drift remains.")
final class ReconcileCommand implements Callable<Integer> {
    @ParentCommand
    HybridDbCommand root;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    TenantOptions tenants;

    @Option(names = "--repair", description = "repair the drift found, then check again")
    boolean repair;

    @Override
    public Integer call() {
        Services s = new Services(root.env(), connection);
        List<UUID> chosen = tenants.resolve(s.config, root.out());
        int status = ExitCode.OK;
        try (GraphBackend graph = s.requireGraph()) {
            Reconciler reconciler = Reconciler.create(Database.of(Jdbc.appDataSource(s.config), s.config.retryPolicy()), graph);
            for (UUID tenant : chosen) {
                DriftReport report = reconciler.check(tenant);
                print(root.out(), report);
                if (!report.isClean() && repair) {
                    SyncResult fixed = reconciler.repair(report);
                    root.out().printf("reconcile: repaired: %,d nodes upserted, %,d deleted, %,d edges written%n",
                            fixed.nodesUpserted(), fixed.nodesDeleted(), fixed.edgesWritten());
                    report = reconciler.check(tenant);
                    print(root.out(), report);
                }
                if (!report.isClean()) {
                    status = ExitCode.PROBLEMS_FOUND;
                }
            }
        }
        return status;
    }

    static void print(PrintWriter out, DriftReport r) {
        if (r.isClean()) {
            out.printf("reconcile: tenant %s graph %s: in sync%n", r.tenantId(), r.graph());
            return;
        }
        out.printf("reconcile: tenant %s graph %s: %,d drifted%s%n", r.tenantId(), r.graph(), r.total(), r.truncated() ? " (truncated)" : "");
        for (LabelDrift l : r.labels()) {
            if (l.total() > 0) {
                out.printf("  %-16s missing %,d, stale %,d, orphaned %,d (of %,d checked)%n", l.label(), l.missing().size(),
                        l.stale().size(), l.orphaned().size(), l.checked());
            }
        }
        for (EdgeDrift e : r.edges()) {
            if (e.total() > 0) {
                out.printf("  %-16s missing %,d, stale %,d, orphaned %,d%n", e.type(), e.missing().size(), e.stale().size(), e.orphaned().size());
            }
        }
    }
}
