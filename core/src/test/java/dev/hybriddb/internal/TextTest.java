package dev.hybriddb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one text rule, the ranges and the JSON check: what passes verbatim, what is refused and how it is named. */
class TextTest {
    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two chars

    @Test
    void acceptsEveryValidStringVerbatim() {
        for (String s : List.of("", " ", "plain", "é日本", EMOJI + "x" + EMOJI, "\uD800\uDC00", "\uDBFF\uDFFF",
                "tab\tnew\nline", "\u0001\u001f\u007f", "\uFFFF\uFFFE")) {
            assertThat(Text.check("f", s)).isSameAs(s);
            assertThat(Text.badIndex(s)).isEqualTo(-1);
        }
        assertThat(Text.check("f", null)).isNull();
    }

    @Test
    void refusesNulAndUnpairedSurrogatesNamingFieldAndIndex() {
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("\u0000", 0);
        bad.put("ab\u0000", 2);
        bad.put("\uD800", 0);
        bad.put("x\uDC00", 1);
        bad.put("\uDC00\uD800", 0);
        bad.put(EMOJI + "\uD83D", 2);
        bad.put("\uD83Dx\uDE00", 0);
        bad.forEach((s, index) -> {
            assertThat(Text.badIndex(s)).as(s).isEqualTo(index);
            assertThatThrownBy(() -> Text.check("agent.name", s))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("agent.name"))
                    .hasMessageStartingWith("agent.name contains")
                    .hasMessageContaining("at index " + index)
                    .satisfies(e -> assertThat(Text.badIndex(e.getMessage())).isEqualTo(-1));
        });
    }

    @Test
    void secretsAreNeverShown() {
        assertThatThrownBy(() -> Text.secret("secret", "sk-live-\uD800-tail"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("secret")
                .hasMessageNotContaining("sk-live").hasMessageNotContaining("tail");
        assertThat(Text.secret("secret", "sk-" + EMOJI)).isEqualTo("sk-" + EMOJI);
    }

    @Test
    void lengthCountsCodePointsLikeCharLength() {
        String atLimit = EMOJI.repeat(Text.NAME);
        assertThat(atLimit.length()).isEqualTo(2 * Text.NAME);
        assertThat(Text.check("name", atLimit, Text.NAME)).isSameAs(atLimit);
        assertThat(Text.check("name", "n".repeat(Text.NAME), Text.NAME)).hasSize(Text.NAME);
        assertThatThrownBy(() -> Text.check("name", "n".repeat(Text.NAME + 1), Text.NAME))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessageContaining("longer than 255 characters (256)");
        assertThatThrownBy(() -> Text.check("name", "n".repeat(1_000_000), Text.NAME))
                .hasMessageContaining("(1000000)").satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }

    @Test
    void listsNameTheNullOrBadElement() {
        assertThat(Text.list("tags", List.of("a", EMOJI), Text.NAME)).containsExactly("a", EMOJI);
        assertThat(Text.list("tags", null, Text.NAME)).isNull();
        assertThatThrownBy(() -> Text.list("tags", Arrays.asList("a", null), Text.NAME))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags[1]"));
        assertThatThrownBy(() -> Text.list("tags", List.of("a", "b", "c\u0000"), Text.NAME))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags[2]"));
        assertThatThrownBy(() -> Text.list("tags", List.of("x".repeat(256)), Text.NAME))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags[0]"));
    }

    @Test
    void timestampsOutsidePostgresRangeAreRefusedByName() {
        for (Instant i : List.of(Instant.MAX, Instant.MIN, Instant.parse("+294276-01-01T00:00:00Z"),
                LocalDate.of(-4713, 12, 31).atStartOfDay().toInstant(ZoneOffset.UTC))) {
            assertThatThrownBy(() -> Bounds.instant("startedAt", i))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("startedAt"));
        }
        assertThatThrownBy(() -> Bounds.timestamp("at", OffsetDateTime.MAX)).isInstanceOf(InvalidInputException.class);
        Instant edge = Instant.parse("+294275-12-31T23:59:59.999999Z");
        assertThat(Bounds.instant("t", edge)).isEqualTo(edge);
        assertThat(Bounds.instant("t", Instant.EPOCH)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void decimalsMustFitPrecisionAndScale() {
        assertThat(Bounds.decimal("cost", new BigDecimal("99999999.999999"), 14, 6)).isNotNull();
        assertThat(Bounds.decimal("cost", new BigDecimal("0.0000001"), 14, 6)).isNotNull();
        assertThat(Bounds.decimal("x", new BigDecimal("1E+1000"), 0, 0)).isNotNull();
        for (String v : List.of("100000000", "99999999.9999995", "-100000000", "1E+999999999")) {
            assertThatThrownBy(() -> Bounds.decimal("cost", new BigDecimal(v), 14, 6))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cost"))
                    .hasMessageContaining("numeric(14, 6)");
        }
        assertThatThrownBy(() -> Bounds.decimal("confidence", new BigDecimal("9.999"), 3, 2)).isInstanceOf(InvalidInputException.class);
        assertThat(Bounds.decimal("confidence", new BigDecimal("9.994"), 3, 2)).isNotNull();
    }

    @Test
    void jsonRefusesWhatJsonCannotHoldNamingTheEntry() {
        JsonValues.check("config", Map.of("a", 1.5, "b", List.of("x", EMOJI), "c", Map.of("d", 1L)));
        Map<String, Object> nested = Map.of("outer", Map.of("list", List.of(1.0, Double.NaN)));
        assertThatThrownBy(() -> JsonValues.check("config", nested))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config.outer.list[1]"))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> JsonValues.check("config", Map.of("t", Float.POSITIVE_INFINITY)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config.t"));
        assertThatThrownBy(() -> JsonValues.check("metadata", Map.of("k", "v\u0000")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata.k"));
        assertThatThrownBy(() -> JsonValues.check("metadata", Map.of("k\uD800", "v")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata key"));
        assertThatThrownBy(() -> JsonValues.check("metadata", Map.of("k", new double[] {1, Double.NEGATIVE_INFINITY})))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata.k[1]"));
        Object deep = "leaf";
        for (int i = 0; i <= JsonValues.MAX_DEPTH + 1; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> JsonValues.check("metadata", tooDeep)).isInstanceOf(InvalidInputException.class);
    }
}
