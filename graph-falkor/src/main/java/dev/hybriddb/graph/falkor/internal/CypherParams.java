package dev.hybriddb.graph.falkor.internal;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.GraphValues;
import dev.hybriddb.graph.Identifiers;
import dev.hybriddb.internal.Text;
import java.util.List;
import java.util.Map;

/**
 * Encodes query parameters into FalkorDB's {@code CYPHER name=<literal> ...} header, in place of
 * jfalkordb's quoting.
 *
 * <p>Every value is first made canonical by {@link GraphValues} (which refuses NUL, unpaired
 * surrogates, NaN and infinities), then written as a literal that FalkorDB's lexer reads back as
 * exactly that value: strings in double quotes where only backslash, double quote and the control
 * characters the lexer knows ({@code \n \r \t \b \f}) are escaped, everything else (including other
 * control characters and non-ASCII text) goes through as raw UTF-8, because FalkorDB does not
 * interpret {@code \\uXXXX} escapes. Parameter names and map keys pass
 * {@link Identifiers#property(String)} and are quoted with backticks, so keywords are safe too.
 */
public final class CypherParams {
    private CypherParams() {}

    /** The header for these parameters ({@code ""} when there are none), ending in a space. */
    public static String header(Map<String, ?> params) {
        Map<String, Object> canonical = GraphValues.parameters(params);
        if (canonical.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("CYPHER ");
        canonical.forEach((name, value) -> {
            sb.append('`').append(name).append("`=");
            appendLiteral(sb, value);
            sb.append(' ');
        });
        return sb.toString();
    }

    /** The header followed by the query, refusing a query that breaks {@link Text}'s rule (the server would cut it at a NUL). */
    public static String prefix(String cypher, Map<String, ?> params) {
        if (cypher == null || cypher.isBlank()) {
            throw new InvalidInputException("cypher", cypher, "must not be blank");
        }
        return header(params) + Text.check("cypher", cypher);
    }

    /** The literal of one canonical value (see {@link GraphValues}). */
    public static String literal(Object canonical) {
        StringBuilder sb = new StringBuilder();
        appendLiteral(sb, canonical);
        return sb.toString();
    }

    static void appendLiteral(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            appendString(sb, s);
        } else if (v instanceof Boolean || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof Double d) {
            appendDouble(sb, d);
        } else if (v instanceof List<?> list) {
            appendList(sb, list);
        } else if (v instanceof Map<?, ?> map) {
            appendMap(sb, map);
        } else {
            throw new InvalidInputException("parameter", v.getClass().getName(), "is not a canonical graph value");
        }
    }

    private static void appendDouble(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new InvalidInputException("parameter", d, "must be a finite number");
        }
        // Double.toString always has a '.' or an exponent with a mantissa '.', so it parses as a float
        sb.append(Double.toString(d));
    }

    private static void appendList(StringBuilder sb, List<?> list) {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            appendLiteral(sb, list.get(i));
        }
        sb.append(']');
    }

    private static void appendMap(StringBuilder sb, Map<?, ?> map) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            String key = Identifiers.property((String) e.getKey());
            sb.append('`').append(key).append("`: ");
            appendLiteral(sb, e.getValue());
        }
        sb.append('}');
    }

    static void appendString(StringBuilder sb, String s) {
        GraphValues.string("parameter", s);
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }
}
