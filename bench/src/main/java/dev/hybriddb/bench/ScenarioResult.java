package dev.hybriddb.bench;

import java.util.ArrayList;
import java.util.List;

/** What one scenario produced: its metrics, the targets it checked, and free-text notes. */
public final class ScenarioResult {
    private final String scenario;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public ScenarioResult(String scenario) {
        this.scenario = scenario;
    }

    public String scenario() { return scenario; }

    public List<Metric> metrics() { return List.copyOf(metrics); }

    public List<Target> targets() { return List.copyOf(targets); }

    public List<String> notes() { return List.copyOf(notes); }

    /** Records a metric and returns its value. */
    public double metric(String variant, String name, String unit, double value) {
        metrics.add(Metric.of(scenario, variant, name, unit, value));
        return value;
    }

    public void atLeast(String description, double actual, double required) {
        targets.add(Target.atLeast(scenario, description, actual, required));
    }

    public void atMost(String description, double actual, double required) {
        targets.add(Target.atMost(scenario, description, actual, required));
    }

    public void note(String note) {
        notes.add(note);
    }
}
