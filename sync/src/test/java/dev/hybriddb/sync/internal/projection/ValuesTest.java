package dev.hybriddb.sync.internal.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.sync.internal.JsonText;
import dev.hybriddb.sync.internal.reconcile.PropertyHash;
import dev.hybriddb.sync.projection.Conversion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void autoConversions() {
        UUID u = UUID.randomUUID();
        assertThat(ValueConverter.convert(u, Conversion.AUTO)).isEqualTo(u.toString());
        assertThat(ValueConverter.convert(Instant.parse("2026-01-31T12:00:00.5Z"), Conversion.AUTO))
                .isEqualTo("2026-01-31T12:00:00.500000Z");
        assertThat(ValueConverter.convert(new BigDecimal("12.50"), Conversion.AUTO)).isEqualTo(12.5d);
        assertThat(ValueConverter.convert(7L, Conversion.AUTO)).isEqualTo(7L);
        assertThat(ValueConverter.convert(List.of(u), Conversion.AUTO)).isEqualTo(List.of(u.toString()));
        assertThat(ValueConverter.convert(new JsonText("{\"b\": 1, \"a\": [1, 2]}"), Conversion.AUTO))
                .isEqualTo("{\"b\":1,\"a\":[1,2]}");
        assertThat(ValueConverter.convert(LocalDate.of(2026, 2, 1), Conversion.AUTO)).isEqualTo("2026-02-01");
        assertThat(ValueConverter.convert(null, Conversion.AUTO)).isNull();
    }

    @Test
    void explicitConversions() {
        Instant t = Instant.parse("2026-01-31T12:00:00Z");
        assertThat(ValueConverter.convert(t, Conversion.EPOCH_MILLIS)).isEqualTo(t.toEpochMilli());
        assertThat(ValueConverter.convert(t, Conversion.ISO_TIMESTAMP)).isEqualTo("2026-01-31T12:00:00.000000Z");
        assertThat(ValueConverter.convert("42", Conversion.LONG)).isEqualTo(42L);
        assertThat(ValueConverter.convert(3L, Conversion.DOUBLE)).isEqualTo(3.0d);
        assertThat(ValueConverter.convert("x", Conversion.LIST)).isEqualTo(List.of("x"));
        assertThat(ValueConverter.convert(Map.of("k", 1), Conversion.JSON_STRING)).isEqualTo("{\"k\":1}");
    }

    @Test
    void hashIgnoresNullsAndNumberFormsAndDoubleNoise() {
        List<String> names = List.of("a", "b", "c");
        String h = PropertyHash.of(Map.of("a", 1L, "b", "x"), names);
        java.util.Map<String, Object> withNull = new java.util.HashMap<>(Map.of("a", 1.0d, "b", "x"));
        withNull.put("c", null);
        assertThat(PropertyHash.of(withNull, names)).isEqualTo(h);
        assertThat(PropertyHash.of(Map.of("a", 1L, "b", "x", "zzz", "ignored"), names)).isEqualTo(h);
        assertThat(PropertyHash.of(Map.of("a", 2L, "b", "x"), names)).isNotEqualTo(h);
        assertThat(PropertyHash.of(Map.of("a", 0.30000000000000004d), names))
                .isEqualTo(PropertyHash.of(Map.of("a", 0.3d), names));
    }

    @Test
    void keysOfIds() {
        assertThat(SourceReader.keyOf(List.of("id"), "abc")).isEqualTo(Map.of("id", "abc"));
        assertThat(SourceReader.keyOf(List.of("a", "b"), "x:y")).isEqualTo(Map.of("a", "x", "b", "y"));
    }
}
