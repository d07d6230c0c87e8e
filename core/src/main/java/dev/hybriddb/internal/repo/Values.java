package dev.hybriddb.internal.repo;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.internal.Bounds;
import dev.hybriddb.internal.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;

/** Column values for an INSERT or UPDATE; null values are skipped (left to defaults or unchanged). */
public final class Values {
    private final Map<Field<?>, Object> values = new LinkedHashMap<>();

    /**
     * Sets {@code field} when {@code value} is not null, after checking that the column can hold it
     * ({@link #checked}).
     */
    public <T> Values put(Field<T> field, T value) {
        if (value != null) {
            values.put(field, checked(field, value));
        }
        return this;
    }

    /**
     * {@code value} when the column can hold it: text passes {@link Text} with the column's limit
     * ({@link ColumnLimits}), decimals fit the column's precision and scale, timestamps the range of
     * PostgreSQL's. Otherwise an {@link InvalidInputException} naming the field.
     */
    static <T> T checked(Field<T> field, T value) {
        if (value instanceof String s) {
            int max = ColumnLimits.of(field);
            if (!Text.fits(s, max)) {
                Text.check(ColumnLimits.name(field), s, max);
            }
        } else if (value instanceof BigDecimal d) {
            Bounds.decimal(ColumnLimits.name(field), d, field.getDataType().precision(), field.getDataType().scale());
        } else if (value instanceof OffsetDateTime t) {
            Bounds.timestamp(ColumnLimits.name(field), t);
        } else if (value instanceof LocalDateTime t) {
            Bounds.timestamp(ColumnLimits.name(field), t);
        } else if (value instanceof LocalDate d) {
            Bounds.date(ColumnLimits.name(field), d);
        }
        return value;
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

    /** Sets a text[] column from a list (when not null); each element must be a non-null name ({@link Text#NAME}). */
    public Values array(Field<String[]> field, Collection<String> list) {
        if (list != null) {
            String[] array = list.toArray(String[]::new);
            for (String s : array) {
                if (s == null || !Text.fits(s, Text.NAME)) {
                    Text.list(ColumnLimits.name(field), list, Text.NAME); // throws, naming the element
                }
            }
            values.put(field, array);
        }
        return this;
    }

    /** Sets a jsonb column from a map (when not null). */
    public Values json(Field<org.jooq.JSONB> field, Map<String, ?> map) {
        if (map != null) {
            values.put(field, Json.jsonb(ColumnLimits.name(field), map));
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

    /** Requires non-blank text that passes {@link Text#check(String, String)}. */
    public static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value, "is required and must not be blank");
        }
        return Text.check(field, value);
    }

    /** Rejects blank text when given (null is allowed); the text passes {@link Text#check(String, String)}. */
    public static String optionalText(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidInputException(field, value, "must not be blank");
        }
        return Text.check(field, value);
    }

    /** Text used to look rows up (a filter value): null allowed, passes {@link Text#check(String, String)}. */
    public static String lookup(String field, String value) {
        return Text.check(field, value);
    }

    /** Requires a non-null value. */
    public static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, null, "is required");
        }
        return value;
    }
}
