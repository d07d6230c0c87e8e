package dev.hybriddb.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Graph subcommands. */
@Command(name = "graph", mixinStandardHelpOptions = true, description = "Works with a tenant's graph.",
        subcommands = {GraphExportCommand.class})
final class GraphCommand implements Runnable {
    @ParentCommand
    HybridDbCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.out());
    }
}
