package dev.hybriddb.graph.age.internal;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.GraphValues;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the one parameter map of an AGE {@code cypher(graph, query, params)} call as JSON text,
 * which AGE reads as {@code agtype}.
 *
 * <p>Java values are first converted by {@link GraphValues} (the conversion every backend shares:
 * BigDecimal to Double, timestamps to ISO-8601 UTC strings with microseconds, UUIDs and enums to
 * strings, NUL, NaN and infinities refused, ...); this class then only serializes the canonical
 * values: null, String, Long, Double, Boolean, List and String-keyed Map. Strings are escaped per
 * JSON ({@code \"}, {@code \\}, the short escapes and {@code \}{@code u00XX} for the other
 * control characters); other characters travel as UTF-8.
 */
public final class AgtypeWriter {
    private final StringBuilder out = new StringBuilder(128);
    private final boolean stored;

    private AgtypeWriter(boolean stored) {
        this.stored = stored;
    }

    /** The JSON text of a query's parameters (names checked, values converted). */
    public static String parameters(Map<String, ?> params) {
        return json(GraphValues.parameters(params));
    }

    /** The JSON text of a canonical value (see {@link GraphValues}). */
    public static String json(Object canonical) {
        AgtypeWriter w = new AgtypeWriter(false);
        w.value(canonical);
        return w.out.toString();
    }

    /**
     * The agtype text of a value as {@link AgtypeReader} read it from the graph, so stored values
     * are written back unchanged: also BigDecimal ({@code 1.5::numeric}) and non-finite doubles.
     */
    public static String stored(Object value) {
        AgtypeWriter w = new AgtypeWriter(true);
        w.value(value);
        return w.out.toString();
    }

    private void value(Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Long || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                if (!stored) {
                    throw new InvalidInputException("value", d, "must be a finite number");
                }
                out.append(d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            } else {
                out.append(d.doubleValue());
            }
        } else if (stored && v instanceof java.math.BigDecimal b) {
            out.append(b.toString()).append("::numeric");
        } else if (v instanceof Map<?, ?> m) {
            map(m);
        } else if (v instanceof Collection<?> c) {
            list(c);
        } else {
            throw new IllegalArgumentException("not a canonical graph value: " + v.getClass().getName());
        }
    }

    private void map(Map<?, ?> m) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.append(first ? "" : ", ");
            first = false;
            string((String) e.getKey());
            out.append(": ");
            value(e.getValue());
        }
        out.append('}');
    }

    private void list(Collection<?> c) {
        out.append('[');
        boolean first = true;
        for (Object o : c) {
            out.append(first ? "" : ", ");
            first = false;
            value(o);
        }
        out.append(']');
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\0' -> throw new InvalidInputException("value", s.replace('\0', '?'),
                        "contains NUL (U+0000), which PostgreSQL text cannot hold");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
