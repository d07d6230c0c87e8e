package dev.hybriddb.cli;

import dev.hybriddb.schema.MigrationStatus;
import dev.hybriddb.schema.Migrations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Applies pending migrations as the owner role. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Applies pending schema migrations (as the owner role; grants go to the application role).")
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    HybridDbCommand root;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        Services s = new Services(root.env(), connection);
        Migrations m = s.migrations();
        int before = m.status().pendingCount();
        m.update();
        MigrationStatus after = m.status();
        root.out().printf("migrate: applied %d changeset(s); %d applied in total, %s%n", before - after.pendingCount(),
                after.applied().size(), after.lastTag().map(t -> "last tag " + t).orElse("no tag"));
        return ExitCode.OK;
    }
}
