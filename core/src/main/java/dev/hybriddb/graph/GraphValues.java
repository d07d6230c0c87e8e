package dev.hybriddb.graph;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.internal.Text;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one conversion of Java values into the plain values every {@link GraphBackend} stores and
 * sends, shared by all backends so that they agree.
 *
 * <p>Canonical values are {@code null}, {@link String}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link List} of canonical values and {@link Map} with property-key names
 * ({@link Identifiers#property(String)}) to canonical values. Queries read them back as such.
 *
 * <table>
 * <caption>Conversions</caption>
 * <tr><th>Java value</th><th>stored and read back as</th></tr>
 * <tr><td>String, Character</td><td>String, verbatim. A string holding NUL (U+0000) or an unpaired
 *     surrogate is rejected with {@link InvalidInputException}: neither graph store can hold it, and
 *     it is never truncated.</td></tr>
 * <tr><td>Byte, Short, Integer, Long, BigInteger within the long range</td><td>Long</td></tr>
 * <tr><td>Float, Double</td><td>Double; NaN and infinities are rejected. Backends return at least
 *     15 significant digits (FalkorDB prints doubles with 15), so keep magnitudes below 1e308.</td></tr>
 * <tr><td>BigDecimal</td><td>Double (the nearest value); pass a String to keep every digit</td></tr>
 * <tr><td>Instant, OffsetDateTime, ZonedDateTime</td><td>String, ISO-8601 in UTC with exactly six
 *     fraction digits (microseconds, like PostgreSQL), e.g. {@code 2024-02-29T12:34:56.789000Z}:
 *     strings of this form sort chronologically.</td></tr>
 * <tr><td>LocalDateTime</td><td>String {@code 2024-02-29T12:34:56.789000} (no zone)</td></tr>
 * <tr><td>LocalDate</td><td>String {@code 2024-02-29}</td></tr>
 * <tr><td>UUID</td><td>String, lower case</td></tr>
 * <tr><td>Enum</td><td>String, its {@code name()}</td></tr>
 * <tr><td>Collection, arrays (not byte[])</td><td>List</td></tr>
 * <tr><td>Map with String keys</td><td>Map (parameters only: a property value may not be a map,
 *     since FalkorDB cannot store one)</td></tr>
 * </table>
 *
 * <p>Node keys (the {@code id} of {@link NodeRecord}, the ends of {@link EdgeRecord}) must also pass
 * {@link #key(String, String)}: FalkorDB's range index trims, splits and truncates other strings,
 * which would make MERGE create duplicates.
 *
 * <p>Anything else (byte[], arbitrary objects, non-String map keys, nesting deeper than
 * {@value #MAX_DEPTH}) is rejected with {@link InvalidInputException} before any server call.
 */
public final class GraphValues {
    /** The deepest nesting of lists and maps accepted. */
    public static final int MAX_DEPTH = 32;

    private static final DateTimeFormatter UTC_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private GraphValues() {}

    /** The canonical form of a query parameter value (maps allowed). */
    public static Object parameter(String field, Object value) {
        return convert(field, value, true, 0);
    }

    /** The canonical form of a property value (no maps, at any depth). */
    public static Object property(String field, Object value) {
        return convert(field, value, false, 0);
    }

    /** Checks parameter names and converts every value; keeps order. */
    public static Map<String, Object> parameters(Map<String, ?> params) {
        if (params == null || params.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(Identifiers.property(k), parameter("parameter " + k, v)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Checks property keys and converts every value; keeps order and null values (a null removes
     * the property on upsert).
     */
    public static Map<String, Object> properties(String field, Map<String, Object> props) {
        return properties(field, "", props);
    }

    /** {@link #properties(String, Map)} with the field named {@code prefix + name}, built only for a message. */
    private static Map<String, Object> properties(String prefix, String name, Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>(Math.max(4, props.size() * 2));
        props.forEach((k, v) -> out.put(Identifiers.property(k),
                isPlain(v) ? v : property(prefix + name + "." + k, v)));
        return out;
    }

    /** A value that is canonical as it is: the common case, checked without building a field name. */
    private static boolean isPlain(Object v) {
        if (v == null || v instanceof Long || v instanceof Boolean) {
            return true;
        }
        if (!(v instanceof String s)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The properties of a node record, converted. A property {@code id} must be absent or equal the
     * record's id (it is the key); it is left out of the result.
     */
    public static Map<String, Object> nodeProperties(NodeRecord node) {
        key("node id", node.id());
        Object id = node.properties().get("id");
        if (node.properties().containsKey("id") && (id == null || !node.id().equals(property("id", id)))) {
            throw new InvalidInputException("property id", id, "must equal the node's key " + node.id());
        }
        Map<String, Object> out = properties("node ", node.id(), node.properties());
        out.remove("id");
        return out;
    }

    /** The longest node key accepted, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    /**
     * A node key accepted by every backend: a valid string (see {@link #string(String, String)}),
     * not empty, no control characters (U+0000-U+001F, U+007F-U+009F), no leading or trailing
     * whitespace, at most {@value #MAX_KEY_BYTES} UTF-8 bytes. UUIDs and slugs always pass.
     */
    public static String key(String field, String id) {
        if (id == null || id.isEmpty()) {
            throw new InvalidInputException(field, id, "must not be empty");
        }
        string(field, id);
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new InvalidInputException(field, id.replace('\0', '?'), "must not contain control characters");
            }
        }
        if (!id.strip().equals(id)) {
            throw new InvalidInputException(field, id, "must not start or end with whitespace");
        }
        if (id.length() > MAX_KEY_BYTES / 4 && id.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new InvalidInputException(field, id, "must not exceed " + MAX_KEY_BYTES + " UTF-8 bytes");
        }
        return id;
    }

    /** {@code records} when neither it nor any element is null; an element is named {@code field[index]}. */
    public static <T> List<T> records(String field, List<T> records) {
        if (records == null) {
            throw new InvalidInputException(field, null, "is required");
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == null) {
                throw new InvalidInputException(field + "[" + i + "]", null, "must not be null");
            }
        }
        return records;
    }

    /** A string accepted as a value: no NUL, no unpaired surrogate (the SDK's one text rule). */
    public static String string(String field, String s) {
        return Text.check(field, s);
    }

    private static Object convert(String field, Object v, boolean mapsAllowed, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(field, "depth " + depth, "nests lists or maps deeper than " + MAX_DEPTH);
        }
        if (v == null || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof String s) {
            return string(field, s);
        }
        if (v instanceof Character c) {
            return string(field, c.toString());
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            return finite(field, ((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return finite(field, d.doubleValue());
        }
        if (v instanceof BigInteger b) {
            if (b.compareTo(LONG_MIN) < 0 || b.compareTo(LONG_MAX) > 0) {
                throw new InvalidInputException(field, b, "is outside the 64-bit integer range");
            }
            return b.longValue();
        }
        Object time = time(v);
        if (time != null) {
            return time;
        }
        if (v instanceof UUID u) {
            return u.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(convert(field, o, mapsAllowed, depth + 1));
            }
            return out;
        }
        if (v.getClass().isArray() && !(v instanceof byte[])) {
            int n = Array.getLength(v);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(convert(field, Array.get(v, i), mapsAllowed, depth + 1));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            return map(field, m, mapsAllowed, depth);
        }
        throw new InvalidInputException(field, v.getClass().getName(), "has an unsupported type");
    }

    private static Map<String, Object> map(String field, Map<?, ?> m, boolean mapsAllowed, int depth) {
        if (!mapsAllowed) {
            throw new InvalidInputException(field, "a map", "cannot be a property value (maps are parameters only)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new InvalidInputException(field, e.getKey(), "has a map key that is not a String");
            }
            out.put(Identifiers.property(key), convert(field + "." + key, e.getValue(), true, depth + 1));
        }
        return out;
    }

    private static String time(Object v) {
        if (v instanceof Instant i) {
            return UTC_MICROS.format(i.truncatedTo(ChronoUnit.MICROS));
        }
        if (v instanceof OffsetDateTime o) {
            return UTC_MICROS.format(o.toInstant().truncatedTo(ChronoUnit.MICROS));
        }
        if (v instanceof ZonedDateTime z) {
            return UTC_MICROS.format(z.toInstant().truncatedTo(ChronoUnit.MICROS));
        }
        if (v instanceof LocalDateTime l) {
            return LOCAL_MICROS.format(l.truncatedTo(ChronoUnit.MICROS));
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return null;
    }

    private static Double finite(String field, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new InvalidInputException(field, d, "must be a finite number");
        }
        return d;
    }
}
