package dev.hybriddb.sync.internal.projection;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.GraphValues;
import dev.hybriddb.sync.internal.Json;
import dev.hybriddb.sync.internal.JsonText;
import dev.hybriddb.sync.projection.Conversion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies a {@link Conversion} to a value read by {@link JdbcValues}. */
public final class ValueConverter {
    /** Fixed width, so the text sorts in time order. */
    static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ValueConverter() {}

    public static Object convert(Object v, Conversion c) {
        if (v == null) {
            return null;
        }
        switch (c) {
            case AUTO:
                return auto(v);
            case STRING:
                return v instanceof JsonText j ? Json.compact(j.text())
                        : v instanceof Instant i ? ISO_MICROS.format(i) : v.toString();
            case LONG:
                return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
            case DOUBLE:
                return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
            case BOOLEAN:
                return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString().trim());
            case ISO_TIMESTAMP:
                return ISO_MICROS.format(instant(v));
            case EPOCH_MILLIS:
                return instant(v).toEpochMilli();
            case LIST:
                return v instanceof List<?> l ? list(l) : List.of(auto(v));
            case JSON_STRING:
                return v instanceof JsonText j ? Json.compact(j.text())
                        : v instanceof Map<?, ?> || v instanceof List<?> ? Json.write(v) : Json.write(auto(v));
            default:
                throw new IllegalStateException("unknown conversion " + c);
        }
    }

    private static Object auto(Object v) {
        if (v instanceof JsonText j) {
            return Json.compact(j.text());
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof List<?> l) {
            return list(l);
        }
        if (v instanceof Map<?, ?> m) {
            return Json.write(m);
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof String || v instanceof Instant
                || v instanceof java.util.UUID || v instanceof Enum<?>) {
            return GraphValues.property("value", v);
        }
        return v.toString();
    }

    private static List<Object> list(List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        for (Object e : l) {
            out.add(auto(e));
        }
        return out;
    }

    private static Instant instant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        try {
            return Instant.parse(v.toString());
        } catch (RuntimeException e) {
            throw new InvalidInputException("timestamp", v, "is not a timestamp");
        }
    }
}
