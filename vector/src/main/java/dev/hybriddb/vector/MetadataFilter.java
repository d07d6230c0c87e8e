package dev.hybriddb.vector;

import dev.hybriddb.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A filter on the jsonb {@code metadata} of documents and memories. Two kinds, combined with AND:
 * <ul>
 *   <li>containment: {@code metadata @> <json>} (served by the GIN index), e.g.
 *       {@code {"tags": ["faq"]}} matches documents whose tags array contains "faq";</li>
 *   <li>equality: {@code metadata ->> key = value}, comparing the top-level value as text
 *       ({@code 42}, {@code true} and {@code "42"} are written as the text {@code 42}, {@code true}).</li>
 * </ul>
 * Keys must match {@value #KEY_PATTERN_TEXT}; values always travel as parameters.
 *
 * @param contains the containment document (empty for none)
 * @param equals   top-level key to text value (empty for none)
 */
public record MetadataFilter(Map<String, Object> contains, Map<String, String> equals) {
    static final String KEY_PATTERN_TEXT = "[A-Za-z_][A-Za-z0-9_.:-]{0,62}";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN_TEXT);
    private static final MetadataFilter NONE = new MetadataFilter(Map.of(), Map.of());

    /** Validates keys and copies the maps (insertion order kept). */
    public MetadataFilter {
        contains = copy("filter.contains", contains);
        Map<String, String> eq = new LinkedHashMap<>();
        if (equals != null) {
            for (Map.Entry<String, String> e : equals.entrySet()) {
                checkKey("filter.equals", e.getKey());
                if (e.getValue() == null) {
                    throw new InvalidInputException("filter.equals." + e.getKey(), null, "must not be null");
                }
                eq.put(e.getKey(), e.getValue());
            }
        }
        equals = Collections.unmodifiableMap(eq);
    }

    /** No filter. */
    public static MetadataFilter none() {
        return NONE;
    }

    /** {@code metadata @> json(contains)}. */
    public static MetadataFilter contains(Map<String, ?> contains) {
        return new MetadataFilter(new LinkedHashMap<>(Objects.requireNonNull(contains, "contains")), Map.of());
    }

    /** {@code metadata ->> key = String.valueOf(value)}. */
    public static MetadataFilter eq(String key, Object value) {
        return NONE.andEq(key, value);
    }

    /** This filter AND {@code metadata ->> key = String.valueOf(value)}. */
    public MetadataFilter andEq(String key, Object value) {
        checkKey("filter.equals", key);
        if (value == null) {
            throw new InvalidInputException("filter.equals." + key, null, "must not be null");
        }
        Map<String, String> eq = new LinkedHashMap<>(equals);
        eq.put(key, String.valueOf(value));
        return new MetadataFilter(contains, eq);
    }

    /** This filter AND containment of {@code more} (merged at the top level). */
    public MetadataFilter andContains(Map<String, ?> more) {
        Map<String, Object> c = new LinkedHashMap<>(contains);
        c.putAll(Objects.requireNonNull(more, "contains"));
        return new MetadataFilter(c, equals);
    }

    /** True when this filter has no condition. */
    public boolean isEmpty() {
        return contains.isEmpty() && equals.isEmpty();
    }

    private static Map<String, Object> copy(String field, Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (in != null) {
            for (Map.Entry<String, Object> e : in.entrySet()) {
                checkKey(field, e.getKey());
                out.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static void checkKey(String field, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInputException(field + " key", key, "must match " + KEY_PATTERN_TEXT);
        }
    }
}
