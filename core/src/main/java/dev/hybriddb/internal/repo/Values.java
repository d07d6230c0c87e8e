package dev.hybriddb.internal.repo;

import dev.hybriddb.InvalidInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;

/** Column values for an INSERT or UPDATE; null values are skipped (left to defaults or unchanged). */
public final class Values {
    private final Map<Field<?>, Object> values = new LinkedHashMap<>();

    /** Sets {@code field} when {@code value} is not null. */
    public <T> Values put(Field<T> field, T value) {
        if (value != null) {
            values.put(field, value);
        }
        return this;
    }

    /** Sets {@code field} to an SQL expression (for example {@code now()} or {@code consumed + ?}). */
    public <T> Values expr(Field<T> field, Field<T> expression) {
        values.put(field, expression);
        return this;
    }

    /** Sets {@code field} to NULL. */
    public Values clear(Field<?> field) {
        values.put(field, null);
        return this;
    }

    /** Sets a text[] column from a list (when not null). */
    public Values array(Field<String[]> field, Collection<String> list) {
        if (list != null) {
            values.put(field, list.toArray(String[]::new));
        }
        return this;
    }

    /** Sets a jsonb column from a map (when not null). */
    public Values json(Field<org.jooq.JSONB> field, Map<String, ?> map) {
        if (map != null) {
            values.put(field, Json.jsonb(field.getName(), map));
        }
        return this;
    }

    public Map<Field<?>, Object> map() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A text[] column as an unmodifiable list. */
    public static List<String> list(String[] array) {
        return array == null ? List.of() : List.copyOf(Arrays.asList(array));
    }

    /** Requires non-blank text. */
    public static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value, "is required and must not be blank");
        }
        return value;
    }

    /** Rejects blank text when given (null is allowed). */
    public static String optionalText(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidInputException(field, value, "must not be blank");
        }
        return value;
    }

    /** Requires a non-null value. */
    public static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, null, "is required");
        }
        return value;
    }
}
