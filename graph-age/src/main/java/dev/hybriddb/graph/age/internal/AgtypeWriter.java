package dev.hybriddb.graph.age.internal;

import dev.hybriddb.InvalidInputException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the one parameter map of an AGE {@code cypher(graph, query, params)} call as JSON text
 * (which AGE reads as {@code agtype}).
 *
 * <p>Conversions: String and Character as strings; Boolean; Byte, Short, Integer, Long and
 * BigInteger within 64 bits as integers; Float and Double as floats (NaN and infinities are
 * refused); BigDecimal as its plain string ({@code toPlainString()}, exact); Instant,
 * OffsetDateTime and ZonedDateTime as the ISO-8601 UTC instant ({@code Instant.toString()});
 * LocalDate, LocalDateTime and LocalTime as their ISO-8601 text; UUID as its lower-case text;
 * enums as their {@code name()}; Collections and arrays (not byte[]) as lists; String-keyed Maps
 * as maps. Strings may hold any character but NUL (U+0000, which PostgreSQL text cannot store)
 * and unpaired surrogates. Refusals are {@link InvalidInputException}s naming the field path.
 */
public final class AgtypeWriter {
    private final StringBuilder out = new StringBuilder(128);

    private AgtypeWriter() {}

    /** The JSON text of a String-keyed map; {@code field} names the map in error messages. */
    public static String writeMap(String field, Map<String, ?> map) {
        AgtypeWriter w = new AgtypeWriter();
        w.value(field, map == null ? Map.of() : map);
        return w.out.toString();
    }

    /**
     * The plain Java value (String, Long, Double, Boolean, List, Map or null) the graph stores for
     * {@code value}, after the conversions above. Useful to compare what was written with what is read.
     */
    public static Object normalize(String field, Object value) {
        return AgtypeReader.read(writeValue(field, value));
    }

    /** The JSON text of one value. */
    public static String writeValue(String field, Object value) {
        AgtypeWriter w = new AgtypeWriter();
        w.value(field, value);
        return w.out.toString();
    }

    private void value(String field, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof CharSequence || v instanceof Character) {
            string(field, v.toString());
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            out.append(((Number) v).longValue());
        } else if (v instanceof BigInteger bi) {
            if (bi.bitLength() > 63) {
                throw new InvalidInputException(field, v, "is outside the 64-bit integer range");
            }
            out.append(bi);
        } else if (v instanceof Float || v instanceof Double) {
            floating(field, v);
        } else if (v instanceof BigDecimal bd) {
            string(field, bd.toPlainString());
        } else if (v instanceof Map<?, ?> m) {
            map(field, m);
        } else if (v instanceof Collection<?> c) {
            list(field, c);
        } else if (v.getClass().isArray()) {
            array(field, v);
        } else {
            string(field, temporalOrSimple(field, v));
        }
    }

    private static String temporalOrSimple(String field, Object v) {
        if (v instanceof Instant i) {
            return i.toString();
        } else if (v instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        } else if (v instanceof ZonedDateTime z) {
            return z.toInstant().toString();
        } else if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime
                || v instanceof UUID) {
            return v.toString();
        } else if (v instanceof Enum<?> e) {
            return e.name();
        }
        throw new InvalidInputException(field, v.getClass().getName(), "has a type the graph cannot store");
    }

    private void floating(String field, Object v) {
        double d = v instanceof Float f ? Double.parseDouble(Float.toString(f)) : (Double) v;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new InvalidInputException(field, v, "must be a finite number");
        }
        String text = Double.toString(d);
        out.append(text);
    }

    private void map(String field, Map<?, ?> m) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new InvalidInputException(field, e.getKey(), "has a map key that is not a String");
            }
            if (!first) {
                out.append(", ");
            }
            first = false;
            string(field + " key", key);
            out.append(": ");
            value(field + "." + key, e.getValue());
        }
        out.append('}');
    }

    private void list(String field, Collection<?> c) {
        out.append('[');
        int i = 0;
        for (Object o : c) {
            if (i > 0) {
                out.append(", ");
            }
            value(field + "[" + i + "]", o);
            i++;
        }
        out.append(']');
    }

    private void array(String field, Object arr) {
        if (arr instanceof byte[]) {
            throw new InvalidInputException(field, "byte[]", "is binary, which the graph cannot store");
        }
        out.append('[');
        int n = Array.getLength(arr);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(", ");
            }
            value(field + "[" + i + "]", Array.get(arr, i));
        }
        out.append(']');
    }

    private void string(String field, String s) {
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
                case '\0' -> throw new InvalidInputException(field, s,
                        "contains NUL (U+0000), which PostgreSQL text cannot store");
                default -> other(field, s, i, c);
            }
        }
        out.append('"');
    }

    private void other(String field, String s, int i, char c) {
        if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
        } else if (Character.isHighSurrogate(c)) {
            if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                throw new InvalidInputException(field, s, "contains an unpaired surrogate");
            }
            out.append(c);
        } else if (Character.isLowSurrogate(c)) {
            if (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))) {
                throw new InvalidInputException(field, s, "contains an unpaired surrogate");
            }
            out.append(c);
        } else {
            out.append(c);
        }
    }
}
