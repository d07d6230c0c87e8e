package dev.hybriddb.cli;

import dev.hybriddb.HybridDBException;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.UnavailableException;
import dev.hybriddb.graph.GraphException;
import dev.hybriddb.schema.MigrationException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Entry point of the {@code hybriddb} command. */
public final class Cli {
    private Cli() {}

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(System.getenv(), out, err, args));
    }

    /**
     * Runs one command in this process and returns its exit status (see {@link ExitCode}).
     * Expected failures print one clear line on {@code err}, never a stack trace.
     */
    public static int execute(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        HybridDbCommand root = new HybridDbCommand(env);
        CommandLine cl = new CommandLine(root, factory(root));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, root, commandLine.getErr()));
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    static int handle(Exception e, HybridDbCommand root, PrintWriter err) {
        if (e instanceof UnavailableException) {
            err.println("hybriddb: unavailable: " + e.getMessage());
            return ExitCode.UNAVAILABLE;
        }
        if (e instanceof InvalidInputException) {
            err.println("hybriddb: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof CommandLine.ParameterException) {
            err.println("hybriddb: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("hybriddb: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof MigrationException) {
            boolean down = unreachable(e);
            err.println("hybriddb: " + (down ? "unavailable: " : "") + e.getMessage());
            return down ? ExitCode.UNAVAILABLE : ExitCode.PROBLEMS_FOUND;
        }
        if (e instanceof GraphException) {
            err.println("hybriddb: graph error: " + e.getMessage());
            return ExitCode.PROBLEMS_FOUND;
        }
        if (e instanceof HybridDBException) {                   // a described failure, not a bug of the CLI
            err.println("hybriddb: " + e.getMessage());
            return ExitCode.PROBLEMS_FOUND;
        }
        err.println("hybriddb: internal error: " + e);
        if (root.verbose) {
            e.printStackTrace(err);
        }
        return ExitCode.SOFTWARE;
    }

    /** True when a cause is a refused or failed connection (SQL state class 08). */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) return true;
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) return true;
        }
        return false;
    }

    private static IFactory factory(HybridDbCommand root) {
        IFactory fallback = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == HybridDbCommand.class ? cls.cast(root) : fallback.create(cls);
            }
        };
    }
}
