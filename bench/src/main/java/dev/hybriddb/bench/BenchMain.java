package dev.hybriddb.bench;

import dev.hybriddb.bench.scenarios.AgeBatchSync;
import dev.hybriddb.bench.scenarios.CoordinationQueries;
import dev.hybriddb.bench.scenarios.FalkorBatchSync;
import dev.hybriddb.bench.scenarios.RealtimeLag;
import dev.hybriddb.bench.scenarios.RealtimeMixed;
import dev.hybriddb.bench.scenarios.RepositoryCrud;
import dev.hybriddb.bench.scenarios.VectorSearch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmark scenarios in one process, each with its baselines, prints a table, and
 * writes {@code bench-results.json} and {@code bench-chart.png}.
 *
 * <pre>
 * java ... dev.hybriddb.bench.BenchMain [--profile smoke|medium|full] [--only a,b] [--out DIR]
 *     [--coordination-sizes 5000,50000] [--durable | --no-durable]
 * </pre>
 * {@code --durable} (the default): the writer and real-time scenarios run a second time against a
 * PostgreSQL with durable commits ({@code scripts/services pg-durable-up}), reported as variants
 * ending in {@code -durable}; {@code --no-durable} skips that.
 * Exit status: 0 when every scenario ran (targets are reported PASS/FAIL, not enforced),
 * 1 when a scenario failed to run, 2 on bad arguments.
 */
public final class BenchMain {
    static {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    private BenchMain() {}

    /** Every scenario, in the order of issue 7. */
    public static List<Scenario> allScenarios() {
        return List.of(new FalkorBatchSync(), new AgeBatchSync(), new RealtimeLag(), new RealtimeMixed(),
                new CoordinationQueries(),
                new RepositoryCrud(), new VectorSearch());
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /** Runs and returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        String profile = "smoke";
        String only = null;
        Path dir = Path.of("target", "bench");
        List<Integer> coordinationSizes = null;
        boolean durable = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profile = value(args, ++i);
                case "--only" -> only = value(args, ++i);
                case "--out" -> dir = Path.of(value(args, ++i));
                case "--durable" -> durable = true;
                case "--no-durable" -> durable = false;
                case "--coordination-sizes" -> coordinationSizes = Arrays.stream(value(args, ++i).split(","))
                        .map(String::strip).map(Integer::valueOf).toList();
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; usage: [--profile smoke|medium|full] [--only a,b] [--out DIR] [--coordination-sizes 5000,50000] [--durable|--no-durable]");
            }
        }
        Profile chosen = Profile.named(profile);
        if (coordinationSizes != null) {
            chosen = chosen.withCoordinationTasks(coordinationSizes);
        }
        Report report = execute(chosen, select(only), dir, out, durable);
        return report.results().stream().anyMatch(r -> r.notes().stream().anyMatch(n -> n.startsWith("ERROR"))) ? 1 : 0;
    }

    static List<Scenario> select(String only) {
        if (only == null) {
            return allScenarios();
        }
        Set<String> names = Set.copyOf(Arrays.asList(only.split(",")));
        List<Scenario> chosen = allScenarios().stream().filter(s -> names.contains(s.name())).toList();
        if (chosen.size() != names.size()) {
            throw new IllegalArgumentException("unknown scenario in '" + only + "'; known: "
                    + allScenarios().stream().map(Scenario::name).toList());
        }
        return chosen;
    }

    /** Runs the scenarios, prints the table, writes the files; a failing scenario is reported, not thrown. */
    public static Report execute(Profile profile, List<Scenario> scenarios, Path dir, PrintStream out) {
        return execute(profile, scenarios, dir, out, true);
    }

    /** {@link #execute(Profile, List, Path, PrintStream)}, with durable-commit runs on or off. */
    public static Report execute(Profile profile, List<Scenario> scenarios, Path dir, PrintStream out, boolean durable) {
        List<ScenarioResult> results = new ArrayList<>();
        try (BenchContext ctx = new BenchContext(profile, out, durable)) {
            for (Scenario s : scenarios) {
                results.add(runOne(ctx, s, out));
            }
        }
        Report report = new Report(profile, results);
        report.printTable(out);
        try {
            report.write(dir);
            out.println("wrote " + dir.resolve("bench-results.json") + " and " + dir.resolve("bench-chart.png"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return report;
    }

    private static ScenarioResult runOne(BenchContext ctx, Scenario s, PrintStream out) {
        out.println("== " + s.name() + " (" + ctx.profile().name() + ")");
        long t0 = System.nanoTime();
        try {
            return s.run(ctx);
        } catch (Exception | AssertionError e) {
            ScenarioResult failed = new ScenarioResult(s.name());
            failed.note("ERROR " + e);
            return failed;
        } finally {
            out.printf("   %s took %.1f s%n", s.name(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
