package dev.hybriddb.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root of the {@code hybriddb} command; holds the environment the subcommands read. */
@Command(name = "hybriddb", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Operates a HybridDB installation: schema migrations, graph sync, reconciliation, health.",
        subcommands = {MigrateCommand.class, StatusCommand.class, CreateMigrationCommand.class, SyncCommand.class,
                ReconcileCommand.class, DoctorCommand.class, GraphCommand.class, CaptureCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done, nothing wrong", "1:problems found (failed checks, unrepaired drift)",
                "2:bad arguments or configuration", "3:PostgreSQL or the graph unreachable", "70:internal error"})
public final class HybridDbCommand implements Runnable {
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "print stack traces of unexpected errors")
    boolean verbose;

    public HybridDbCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public Map<String, String> env() { return env; }

    public PrintWriter out() { return spec.commandLine().getOut(); }

    public PrintWriter err() { return spec.commandLine().getErr(); }

    @Override
    public void run() {
        spec.commandLine().usage(out());
    }
}
