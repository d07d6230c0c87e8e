package dev.hybriddb.graph.age.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgtypeWriterTest {
    enum Color { RED }

    @Test
    void scalars() {
        assertThat(AgtypeWriter.writeValue("f", null)).isEqualTo("null");
        assertThat(AgtypeWriter.writeValue("f", true)).isEqualTo("true");
        assertThat(AgtypeWriter.writeValue("f", 7)).isEqualTo("7");
        assertThat(AgtypeWriter.writeValue("f", Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(AgtypeWriter.writeValue("f", (short) 3)).isEqualTo("3");
        assertThat(AgtypeWriter.writeValue("f", BigInteger.TEN)).isEqualTo("10");
        assertThat(AgtypeWriter.writeValue("f", 2.5)).isEqualTo("2.5");
        assertThat(AgtypeWriter.writeValue("f", 0.1f)).isEqualTo("0.1");
        assertThat(AgtypeWriter.writeValue("f", 1e20)).isEqualTo("1.0E20");
        assertThat(AgtypeWriter.writeValue("f", 'c')).isEqualTo("\"c\"");
    }

    @Test
    void conversions() {
        assertThat(AgtypeWriter.writeValue("f", new BigDecimal("1E+3"))).isEqualTo("\"1000\"");
        assertThat(AgtypeWriter.writeValue("f", new BigDecimal("12345678901234567890.123"))).isEqualTo("\"12345678901234567890.123\"");
        assertThat(AgtypeWriter.writeValue("f", Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("\"2026-01-02T03:04:05Z\"");
        assertThat(AgtypeWriter.writeValue("f", OffsetDateTime.of(2026, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("\"2026-01-02T03:04:05Z\"");
        assertThat(AgtypeWriter.writeValue("f", LocalDate.of(2026, 1, 2))).isEqualTo("\"2026-01-02\"");
        assertThat(AgtypeWriter.writeValue("f", LocalDateTime.of(2026, 1, 2, 3, 4))).isEqualTo("\"2026-01-02T03:04\"");
        assertThat(AgtypeWriter.writeValue("f", new UUID(0, 42))).isEqualTo("\"00000000-0000-0000-0000-00000000002a\"");
        assertThat(AgtypeWriter.writeValue("f", Color.RED)).isEqualTo("\"RED\"");
    }

    @Test
    void stringsAreEscapedPerJson() {
        assertThat(AgtypeWriter.writeValue("f", "a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(AgtypeWriter.writeValue("f", "\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
        assertThat(AgtypeWriter.writeValue("f", "\u0001\u001f\u007f")).isEqualTo("\"\\u0001\\u001f\u007f\"");
        assertThat(AgtypeWriter.writeValue("f", "é€😀 $$ '")).isEqualTo("\"é€😀 $$ '\"");
    }

    @Test
    void collectionsArraysAndMaps() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", List.of(1, "x"));
        m.put("b", new int[] {1, 2});
        m.put("c", new String[] {"s"});
        m.put("d", Arrays.asList(null, Map.of("k", 1.5)));
        assertThat(AgtypeWriter.writeMap("params", m))
                .isEqualTo("{\"a\": [1, \"x\"], \"b\": [1, 2], \"c\": [\"s\"], \"d\": [null, {\"k\": 1.5}]}");
        assertThat(AgtypeWriter.writeMap("params", null)).isEqualTo("{}");
    }

    @Test
    void roundTripsThroughTheReader() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "q\"\\\n\u0001😀");
        m.put("l", 42L);
        m.put("d", -0.5);
        m.put("list", List.of(List.of(true), Map.of("x", "y")));
        assertThat(AgtypeReader.read(AgtypeWriter.writeMap("p", m))).isEqualTo(m);
        assertThat(AgtypeWriter.normalize("f", 3)).isEqualTo(3L);
    }

    @Test
    void refusesWhatPostgresOrJsonCannotHold() {
        assertRefused("nul\u0000", "params.v");
        assertRefused(Double.NaN, "params.v");
        assertRefused(Double.POSITIVE_INFINITY, "params.v");
        assertRefused(Float.NEGATIVE_INFINITY, "params.v");
        assertRefused(BigInteger.ONE.shiftLeft(64), "params.v");
        assertRefused(new byte[] {1}, "params.v");
        assertRefused(new Object(), "params.v");
        assertRefused("\ud800 lone", "params.v");
        assertRefused("lone \udc00", "params.v");
        assertRefused(List.of("ok", "bad\u0000"), "params.v[1]");
        assertRefused(Map.of("k", Double.NaN), "params.v.k");
        assertRefused(Map.of(1, "x"), "params.v");
    }

    private static void assertRefused(Object value, String field) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("v", value);
        assertThatThrownBy(() -> AgtypeWriter.writeMap("params", p))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
