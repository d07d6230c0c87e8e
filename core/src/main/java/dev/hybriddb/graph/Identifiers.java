package dev.hybriddb.graph;

import dev.hybriddb.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The strict patterns every identifier passes before it reaches Cypher or SQL text: labels, edge
 * types, property keys and graph names. Values never go through here: they are parameters.
 */
public final class Identifiers {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** AGE needs at least 3 characters; lower case keeps FalkorDB keys and PostgreSQL schemas alike. */
    private static final Pattern GRAPH = Pattern.compile("[a-z][a-z0-9_]{2,62}");

    private Identifiers() {}

    public static String label(String label) {
        return check("label", label, LABEL, "must match " + LABEL.pattern());
    }

    public static String property(String key) {
        return check("property key", key, PROPERTY, "must match " + PROPERTY.pattern());
    }

    public static String graph(String graph) {
        return check("graph name", graph, GRAPH, "must match " + GRAPH.pattern());
    }

    private static String check(String field, String value, Pattern p, String reason) {
        if (value == null || !p.matcher(value).matches()) {
            throw new InvalidInputException(field, value, reason);
        }
        return value;
    }
}
