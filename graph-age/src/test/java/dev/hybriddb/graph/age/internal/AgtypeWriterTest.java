package dev.hybriddb.graph.age.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgtypeWriterTest {
    enum Color { RED }

    @Test
    void canonicalScalars() {
        assertThat(AgtypeWriter.json(null)).isEqualTo("null");
        assertThat(AgtypeWriter.json(true)).isEqualTo("true");
        assertThat(AgtypeWriter.json(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(AgtypeWriter.json(2.5)).isEqualTo("2.5");
        assertThat(AgtypeWriter.json(1e20)).isEqualTo("1.0E20");
        assertThat(AgtypeWriter.json(Double.MIN_VALUE)).isEqualTo("4.9E-324");
    }

    @Test
    void stringsAreEscapedPerJson() {
        assertThat(AgtypeWriter.json("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(AgtypeWriter.json("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
        assertThat(AgtypeWriter.json("\u0001\u001f\u007f")).isEqualTo("\"\\u0001\\u001f\u007f\"");
        assertThat(AgtypeWriter.json("é€😀 $$ ' `")).isEqualTo("\"é€😀 $$ ' `\"");
        assertThat(AgtypeWriter.json("\\u0000")).isEqualTo("\"\\\\u0000\"");
    }

    @Test
    void parametersAreConvertedByGraphValuesFirst() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("i", 7);
        p.put("dec", new BigDecimal("1.5"));
        p.put("ts", Instant.parse("2026-01-02T03:04:05Z"));
        p.put("u", new UUID(0, 42));
        p.put("e", Color.RED);
        p.put("arr", new int[] {1, 2});
        p.put("m", Map.of("k", Arrays.asList(null, "v")));
        assertThat(AgtypeWriter.parameters(p)).isEqualTo("{\"i\": 7, \"dec\": 1.5, \"ts\": \"2026-01-02T03:04:05.000000Z\", "
                + "\"u\": \"00000000-0000-0000-0000-00000000002a\", \"e\": \"RED\", \"arr\": [1, 2], \"m\": {\"k\": [null, \"v\"]}}");
        assertThat(AgtypeWriter.parameters(null)).isEqualTo("{}");
    }

    @Test
    void roundTripsThroughTheReader() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "q\"\\\n\u0001😀");
        m.put("l", 42L);
        m.put("d", -0.5);
        m.put("n", null);
        m.put("list", List.of(List.of(true), Map.of("x", "y")));
        assertThat(AgtypeReader.read(AgtypeWriter.json(m))).isEqualTo(m);
    }

    @Test
    void refusesWhatPostgresOrJsonCannotHold() {
        for (Object bad : List.of("nul\u0000", Double.NaN, Double.POSITIVE_INFINITY, new byte[] {1}, new Object(), "\ud800 lone",
                List.of("ok", "bad\u0000"), Map.of("k", Double.NaN), Map.of(1, "x"), Map.of("bad key", 1))) {
            assertThatThrownBy(() -> AgtypeWriter.parameters(Map.of("v", bad))).as(String.valueOf(bad))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> AgtypeWriter.parameters(Map.of("bad name", 1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AgtypeWriter.json("nul\u0000")).isInstanceOf(InvalidInputException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> AgtypeWriter.json(Double.NaN)).isInstanceOf(InvalidInputException.class);
    }
}
