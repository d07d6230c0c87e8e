package dev.hybriddb.bench;

/**
 * One measured number: which scenario, which variant (the SDK path or a named baseline), what was
 * measured, in which unit.
 */
public record Metric(String scenario, String variant, String name, String unit, double value) {

    public static Metric of(String scenario, String variant, String name, String unit, double value) {
        return new Metric(scenario, variant, name, unit, value);
    }
}
