package dev.hybriddb.graph;

/**
 * An edge type with the labels of its endpoints, e.g. {@code (Agent)-[ASSIGNED_TO]->(Task)}.
 * All three names pass {@link Identifiers#label(String)}.
 */
public record EdgeType(String fromLabel, String type, String toLabel) {
    public EdgeType {
        Identifiers.label(fromLabel);
        Identifiers.label(type);
        Identifiers.label(toLabel);
    }

    public static EdgeType of(String fromLabel, String type, String toLabel) {
        return new EdgeType(fromLabel, type, toLabel);
    }

    @Override
    public String toString() {
        return "(" + fromLabel + ")-[" + type + "]->(" + toLabel + ")";
    }
}
