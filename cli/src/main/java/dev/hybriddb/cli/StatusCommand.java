package dev.hybriddb.cli;

import dev.hybriddb.schema.ChangeSetRef;
import dev.hybriddb.schema.MigrationStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Lists applied and pending migrations; exits 1 when some are pending. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows applied and pending migrations; exit code 1 when some are pending.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    HybridDbCommand root;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        MigrationStatus st = new Services(root.env(), connection).migrations().status();
        root.out().printf("applied: %d changeset(s)%s%n", st.applied().size(), st.lastTag().map(t -> ", last tag " + t).orElse(""));
        if (st.isUpToDate()) {
            root.out().println("pending: none, the schema is up to date");
            return ExitCode.OK;
        }
        root.out().printf("pending: %d changeset(s)%n", st.pendingCount());
        for (ChangeSetRef ref : st.pending()) {
            root.out().println("  " + ref);
        }
        return ExitCode.PROBLEMS_FOUND;
    }
}
