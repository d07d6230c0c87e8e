package dev.hybriddb.graph.falkor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CypherParamsTest {

    private static String lit(Object v) {
        return CypherParams.literal(dev.hybriddb.graph.GraphValues.parameter("p", v));
    }

    @Test
    void scalars() {
        assertThat(lit(null)).isEqualTo("null");
        assertThat(lit(true)).isEqualTo("true");
        assertThat(lit(false)).isEqualTo("false");
        assertThat(lit(0L)).isEqualTo("0");
        assertThat(lit(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(lit(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
        assertThat(lit(42)).isEqualTo("42");
        assertThat(lit(-1.5)).isEqualTo("-1.5");
        assertThat(lit(3.0)).isEqualTo("3.0");
        assertThat(lit(1e300)).isEqualTo("1.0E300");
        assertThat(lit(-0.0)).isEqualTo("-0.0");
        assertThat(lit(new BigDecimal("12.50"))).isEqualTo("12.5");
        assertThat(lit(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("\"2024-01-02T03:04:05.000000Z\"");
        assertThat(lit(UUID.fromString("00000000-0000-0000-0000-00000000000a"))).isEqualTo("\"00000000-0000-0000-0000-00000000000a\"");
    }

    @Test
    void doublesAlwaysReadAsFloats() {
        Random r = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = lit(d);
            assertThat(s).matches("-?[0-9]+\\.[0-9]+(E-?[0-9]+)?");
            assertThat(Double.parseDouble(s)).isEqualTo(d);
        }
    }

    @Test
    void stringsEscapeOnlyWhatTheLexerReads() {
        assertThat(lit("")).isEqualTo("\"\"");
        assertThat(lit("plain")).isEqualTo("\"plain\"");
        assertThat(lit("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(lit("it's")).isEqualTo("\"it's\"");
        assertThat(lit("back\\slash")).isEqualTo("\"back\\\\slash\"");
        assertThat(lit("\\")).isEqualTo("\"\\\\\"");
        assertThat(lit("\\\"")).isEqualTo("\"\\\\\\\"\"");
        assertThat(lit("\\u0027")).isEqualTo("\"\\\\u0027\"");
        assertThat(lit("a\nb\rc\td\be\ff")).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
        assertThat(lit("\u0001\u001f\u007f")).isEqualTo("\"\u0001\u001f\u007f\"");
        assertThat(lit("$$ `x` // /* */")).isEqualTo("\"$$ `x` // /* */\"");
        assertThat(lit("\u00e9\uD83D\uDE00")).isEqualTo("\"\u00e9\uD83D\uDE00\"");
    }

    /** Decodes what {@link CypherParams#appendString} wrote, as FalkorDB's lexer does. */
    private static String unquote(String literal) {
        assertThat(literal).startsWith("\"").endsWith("\"");
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            assertThat(c).as("unescaped quote inside literal %s", literal).isNotEqualTo('"');
            if (c == '\\') {
                char n = literal.charAt(++i);
                out.append(switch (n) {
                    case '\\' -> '\\';
                    case '"' -> '"';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> throw new AssertionError("unexpected escape \\" + n + " in " + literal);
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void randomStringsNeverBreakOutOfTheirLiteral() {
        Random r = new Random(42);
        String alphabet = "\\\"'`$/*\n\r\t\b\f{}[]:, =aZ0\u00e9\u2028\uFEFF";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(30);
            for (int j = 0; j < len; j++) {
                if (r.nextInt(10) == 0) {
                    sb.appendCodePoint(1 + r.nextInt(0x10FFFF - 1));
                } else {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            String s = sb.toString();
            boolean valid = s.indexOf('\0') < 0 && s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
            if (!valid) {
                continue;
            }
            assertThat(unquote(lit(s))).isEqualTo(s);
        }
    }

    @Test
    void listsAndMapsNestWithQuotedKeys() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", List.of(1, "x", List.of()));
        m.put("match", null);
        m.put("_k", Map.of("in", true));
        assertThat(lit(m)).isEqualTo("{`a`: [1, \"x\", []], `match`: null, `_k`: {`in`: true}}");
        assertThat(lit(List.of())).isEqualTo("[]");
        assertThat(lit(Map.of())).isEqualTo("{}");
        assertThat(lit(new int[] {1, 2})).isEqualTo("[1, 2]");
    }

    @Test
    void headerNamesEveryParameter() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", "x\" y=\"z");
        p.put("n", 1);
        assertThat(CypherParams.header(p)).isEqualTo("CYPHER `id`=\"x\\\" y=\\\"z\" `n`=1 ");
        assertThat(CypherParams.header(Map.of())).isEmpty();
        assertThat(CypherParams.header(null)).isEmpty();
        assertThat(CypherParams.prefix("RETURN $n", Map.of("n", 2))).isEqualTo("CYPHER `n`=2 RETURN $n");
    }

    @Test
    void rejectsWhatCannotBeALiteral() {
        List<Object> bad = new ArrayList<>(Arrays.asList(Double.NaN, Double.NEGATIVE_INFINITY, "a\u0000b", "\uD800",
                Map.of("bad key", 1), Map.of("a`b", 1), new Object(), new byte[] {1}));
        for (Object v : bad) {
            assertThatThrownBy(() -> CypherParams.header(Map.of("p", v))).as(String.valueOf(v))
                    .isInstanceOf(InvalidInputException.class);
        }
        Map<String, Object> badName = new HashMap<>();
        badName.put("a`=1 RETURN 1 //", 1);
        assertThatThrownBy(() -> CypherParams.header(badName)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CypherParams.prefix("RETURN 1\u0000 MATCH (n) DELETE n", Map.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CypherParams.prefix(" ", Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CypherParams.literal(new Object())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CypherParams.literal(Double.NaN)).isInstanceOf(InvalidInputException.class);
    }
}
