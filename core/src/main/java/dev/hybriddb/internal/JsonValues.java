package dev.hybriddb.internal;

import dev.hybriddb.InvalidInputException;
import java.util.Collection;
import java.util.Map;

/** The check of a value about to be written as JSON (jsonb), shared by every JSON writer of the SDK. */
public final class JsonValues {
    /** The deepest nesting of maps and lists accepted in a JSON value. */
    public static final int MAX_DEPTH = 100;

    private JsonValues() {}

    /**
     * Refuses what JSON or jsonb cannot hold, naming the entry ({@code config.key},
     * {@code config.list[2]}): NaN and infinities (JSON has no such numbers; they would come back
     * as strings), text with NUL or an unpaired surrogate (keys included), null keys, and nesting
     * deeper than {@value #MAX_DEPTH}.
     */
    public static void check(String field, Object value) {
        if (!clean(value, 0)) {
            check(field, value, 0); // throws, naming the entry
        }
    }

    /** True when {@link #check(String, Object, int)} would accept {@code value}; builds no names. */
    private static boolean clean(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (value instanceof String s) {
            return Text.badIndex(s) < 0;
        } else if (value instanceof Double || value instanceof Float) {
            return Double.isFinite(((Number) value).doubleValue());
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k) || Text.badIndex(k) >= 0 || !clean(e.getValue(), depth + 1)) {
                    return false;
                }
            }
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (!clean(o, depth + 1)) {
                    return false;
                }
            }
        } else if (value instanceof Object[] a) {
            for (Object o : a) {
                if (!clean(o, depth + 1)) {
                    return false;
                }
            }
        } else if (value instanceof double[] a) {
            for (double d : a) {
                if (!Double.isFinite(d)) {
                    return false;
                }
            }
        } else if (value instanceof float[] a) {
            for (float f : a) {
                if (!Float.isFinite(f)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void check(String field, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(field, "depth " + depth, "nests lists or maps deeper than " + MAX_DEPTH);
        }
        if (value instanceof String s) {
            Text.check(field, s);
        } else if (value instanceof Double || value instanceof Float) {
            Bounds.finite(field, ((Number) value).doubleValue());
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new InvalidInputException(field, e.getKey(), "has a key that is not a string");
                }
                Text.check(field + " key", k);
                check(field + "." + k, e.getValue(), depth + 1);
            }
        } else if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                check(field + "[" + i++ + "]", o, depth + 1);
            }
        } else if (value instanceof Object[] a) {
            for (int i = 0; i < a.length; i++) {
                check(field + "[" + i + "]", a[i], depth + 1);
            }
        } else if (value instanceof double[] a) {
            for (int i = 0; i < a.length; i++) {
                Bounds.finite(field + "[" + i + "]", a[i]);
            }
        } else if (value instanceof float[] a) {
            for (int i = 0; i < a.length; i++) {
                Bounds.finite(field + "[" + i + "]", a[i]);
            }
        }
    }
}
