package dev.hybriddb.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GraphValuesTest {
    enum E { A_B }

    @Test
    void scalarsBecomeCanonical() {
        assertThat(GraphValues.parameter("p", null)).isNull();
        assertThat(GraphValues.parameter("p", "s")).isEqualTo("s");
        assertThat(GraphValues.parameter("p", 'c')).isEqualTo("c");
        assertThat(GraphValues.parameter("p", true)).isEqualTo(true);
        assertThat(GraphValues.parameter("p", 1)).isEqualTo(1L);
        assertThat(GraphValues.parameter("p", (short) 2)).isEqualTo(2L);
        assertThat(GraphValues.parameter("p", (byte) 3)).isEqualTo(3L);
        assertThat(GraphValues.parameter("p", Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(GraphValues.parameter("p", BigInteger.valueOf(-5))).isEqualTo(-5L);
        assertThat(GraphValues.parameter("p", 1.5f)).isEqualTo(1.5);
        assertThat(GraphValues.parameter("p", new BigDecimal("12.50"))).isEqualTo(12.5);
        assertThat(GraphValues.parameter("p", E.A_B)).isEqualTo("A_B");
        assertThat(GraphValues.parameter("p", UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF")))
                .isEqualTo("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    }

    @Test
    void timesBecomeSortableUtcStrings() {
        assertThat(GraphValues.parameter("p", Instant.parse("2024-02-29T12:34:56Z"))).isEqualTo("2024-02-29T12:34:56.000000Z");
        assertThat(GraphValues.parameter("p", Instant.parse("2024-02-29T12:34:56.123456789Z")))
                .isEqualTo("2024-02-29T12:34:56.123456Z");
        assertThat(GraphValues.parameter("p", OffsetDateTime.of(2024, 1, 1, 1, 0, 0, 0, ZoneOffset.ofHours(3))))
                .isEqualTo("2023-12-31T22:00:00.000000Z");
        assertThat(GraphValues.parameter("p", ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"))))
                .isEqualTo("2024-07-01T10:00:00.000000Z");
        assertThat(GraphValues.parameter("p", LocalDateTime.of(2024, 1, 2, 3, 4, 5))).isEqualTo("2024-01-02T03:04:05.000000");
        assertThat(GraphValues.parameter("p", LocalDate.of(2024, 1, 2))).isEqualTo("2024-01-02");
        String early = (String) GraphValues.parameter("p", Instant.parse("2024-01-01T00:00:00Z"));
        String later = (String) GraphValues.parameter("p", Instant.parse("2024-01-01T00:00:00.5Z"));
        assertThat(early).isLessThan(later);
    }

    @Test
    void collectionsArraysAndMapsNest() {
        assertThat(GraphValues.parameter("p", new int[] {1, 2})).isEqualTo(List.of(1L, 2L));
        assertThat(GraphValues.parameter("p", new double[] {0.5})).isEqualTo(List.of(0.5));
        assertThat(GraphValues.parameter("p", new Object[] {"a", null, E.A_B})).isEqualTo(java.util.Arrays.asList("a", null, "A_B"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", List.of(1, Map.of("x", 2)));
        m.put("n", null);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("k", List.of(1L, Map.of("x", 2L)));
        expected.put("n", null);
        assertThat(GraphValues.parameter("p", m)).isEqualTo(expected);
    }

    @Test
    void propertiesRefuseMapsAtAnyDepth() {
        assertThatThrownBy(() -> GraphValues.property("p", Map.of("a", 1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GraphValues.property("p", List.of(Map.of("a", 1)))).isInstanceOf(InvalidInputException.class);
        assertThat(GraphValues.property("p", List.of(List.of(1)))).isEqualTo(List.of(List.of(1L)));
    }

    @Test
    void rejectsWhatNoStoreCanHold() {
        List<Object> bad = new ArrayList<>(List.of(Double.NaN, Double.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY,
                new BigDecimal("1e999"), BigInteger.TWO.pow(64), new Object(), new byte[0], Map.of(1, 2),
                Map.of("bad key", 1), "a\u0000b", "\uDC00", "x\uD83D", List.of("ok", "\u0000")));
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        bad.add(nullKey);
        List<Object> deep = new ArrayList<>();
        List<Object> cur = deep;
        for (int i = 0; i <= GraphValues.MAX_DEPTH + 1; i++) {
            List<Object> next = new ArrayList<>();
            cur.add(next);
            cur = next;
        }
        bad.add(deep);
        for (Object v : bad) {
            assertThatThrownBy(() -> GraphValues.parameter("p", v)).as(String.valueOf(v)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(GraphValues.string("s", "ok \uD83D\uDE00")).isEqualTo("ok \uD83D\uDE00");
    }

    @Test
    void nulIsNamedButNotEchoed() {
        assertThatThrownBy(() -> GraphValues.parameter("p", "x\u0000y"))
                .hasMessageContaining("NUL").hasMessageNotContaining("\u0000");
    }

    @Test
    void parameterNamesAndPropertyKeysAreChecked() {
        assertThatThrownBy(() -> GraphValues.parameters(Map.of("bad name", 1))).isInstanceOf(InvalidInputException.class);
        assertThat(GraphValues.parameters(null)).isEmpty();
        assertThat(GraphValues.parameters(Map.of("ok", 1))).isEqualTo(Map.of("ok", 1L));
        assertThatThrownBy(() -> GraphValues.properties("n", Map.of("a-b", 1))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nodeIdPropertyMustMatchTheKey() {
        assertThat(GraphValues.nodeProperties(NodeRecord.of("a", Map.of("id", "a", "x", 1)))).isEqualTo(Map.of("x", 1L));
        assertThatThrownBy(() -> GraphValues.nodeProperties(NodeRecord.of("a", Map.of("id", "b"))))
                .isInstanceOf(InvalidInputException.class);
        UUID u = UUID.randomUUID();
        assertThat(GraphValues.nodeProperties(NodeRecord.of(u.toString(), Map.of("id", u)))).isEmpty();
    }

    @Test
    void keysAreStrict() {
        for (String ok : List.of("a", "pm-1", UUID.randomUUID().toString(), "inner space", "\u00e9\uD83D\uDE00",
                "k".repeat(GraphValues.MAX_KEY_BYTES))) {
            assertThat(GraphValues.key("id", ok)).isEqualTo(ok);
        }
        for (String bad : java.util.Arrays.asList(null, "", " ", " a", "a ", "a\nb", "\t", "\u0001", "\u007f", "\u0085",
                "a\u0000", "k".repeat(GraphValues.MAX_KEY_BYTES + 1), "\u00e9".repeat(GraphValues.MAX_KEY_BYTES / 2 + 1))) {
            assertThatThrownBy(() -> GraphValues.key("id", bad)).as(String.valueOf(bad)).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> GraphValues.nodeProperties(NodeRecord.of(" x", Map.of())))
                .isInstanceOf(InvalidInputException.class);
    }
}
