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
        return isName(label, false) ? label : check("label", label, LABEL, "must match " + LABEL.pattern());
    }

    public static String property(String key) {
        return isName(key, true) ? key : check("property key", key, PROPERTY, "must match " + PROPERTY.pattern());
    }

    /**
     * The fast check of {@link #LABEL} ({@code underscoreFirst} false) and {@link #PROPERTY}
     * (true), without a regex: these run once per key of every row written.
     */
    private static boolean isName(String s, boolean underscoreFirst) {
        if (s == null || s.isEmpty() || s.length() > 63) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            boolean ok = letter || c == '_' && (i > 0 || underscoreFirst) || c >= '0' && c <= '9' && i > 0;
            if (!ok) {
                return false;
            }
        }
        return true;
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
