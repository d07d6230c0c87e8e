package dev.hybriddb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hybriddb.bench.internal.Chart;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the results as a table and writes them as JSON and as a PNG chart. */
public final class Report {
    private final Profile profile;
    private final List<ScenarioResult> results;

    public Report(Profile profile, List<ScenarioResult> results) {
        this.profile = profile;
        this.results = List.copyOf(results);
    }

    public List<ScenarioResult> results() { return results; }

    public boolean allPassed() {
        return results.stream().flatMap(r -> r.targets().stream()).allMatch(Target::passed);
    }

    public void printTable(PrintStream out) {
        out.printf("%n%-22s %-26s %-34s %14s %s%n", "scenario", "variant", "metric", "value", "unit");
        out.println("-".repeat(110));
        for (ScenarioResult r : results) {
            for (Metric m : r.metrics()) {
                out.printf(Locale.ROOT, "%-22s %-26s %-34s %14s %s%n", m.scenario(), m.variant(), m.name(), format(m.value()), m.unit());
            }
        }
        out.printf("%n%-6s %-22s %-60s %12s %12s%n", "", "scenario", "target", "actual", "required");
        out.println("-".repeat(116));
        for (ScenarioResult r : results) {
            for (Target t : r.targets()) {
                out.printf(Locale.ROOT, "%-6s %-22s %-60s %12s %12s%n", t.verdict(), t.scenario(), t.description(),
                        format(t.actual()), (t.atLeast() ? ">= " : "<= ") + format(t.required()));
            }
            for (String n : r.notes()) {
                out.printf("%-6s %-22s %s%n", "note", r.scenario(), n);
            }
        }
        out.flush();
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Writes {@code bench-results.json} and {@code bench-chart.png} into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", profile.name());
        doc.put("finishedAt", Instant.now().toString());
        doc.put("java", System.getProperty("java.version"));
        doc.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        doc.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        doc.put("metrics", results.stream().flatMap(r -> r.metrics().stream()).toList());
        doc.put("targets", results.stream().flatMap(r -> r.targets().stream())
                .map(t -> Map.of("scenario", t.scenario(), "description", t.description(), "actual", t.actual(),
                        "required", t.required(), "atLeast", t.atLeast(), "passed", t.passed()))
                .toList());
        doc.put("notes", results.stream().flatMap(r -> r.notes().stream().map(n -> r.scenario() + ": " + n)).toList());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("bench-results.json").toFile(), doc);
        Chart.targets("HybridDB benchmarks (" + profile.name() + "): achieved / required, 1.0 = target met",
                results.stream().flatMap(r -> r.targets().stream()).toList(), dir.resolve("bench-chart.png"));
    }
}
