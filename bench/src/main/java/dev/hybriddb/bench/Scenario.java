package dev.hybriddb.bench;

/** A benchmark scenario: runs the SDK path and its baselines in this process. */
public interface Scenario {

    /** A short kebab-case name, used by {@code --only}. */
    String name();

    /** Runs the scenario at the sizes of the context's profile. */
    ScenarioResult run(BenchContext context) throws Exception;
}
