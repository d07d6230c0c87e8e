package dev.hybriddb.bench;

/**
 * A target checked in the same process as its baseline: {@code actual} against {@code required}.
 * When {@code atLeast} the actual must be at least the required value, otherwise at most.
 */
public record Target(String scenario, String description, double actual, double required, boolean atLeast) {

    public static Target atLeast(String scenario, String description, double actual, double required) {
        return new Target(scenario, description, actual, required, true);
    }

    public static Target atMost(String scenario, String description, double actual, double required) {
        return new Target(scenario, description, actual, required, false);
    }

    public boolean passed() {
        return atLeast ? actual >= required : actual <= required;
    }

    /** Achieved over required, oriented so that 1.0 or more is a pass (for the chart). */
    public double score() {
        if (atLeast) {
            return required == 0 ? 1.0 : actual / required;
        }
        return actual == 0 ? Double.POSITIVE_INFINITY : required / actual;
    }

    public String verdict() {
        return passed() ? "PASS" : "FAIL";
    }
}
