package dev.hybriddb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every {@code with...} method of a {@code *Fields} record sets its own component and leaves the others as they were. */
class FieldsWithersTest {
    private static final List<Class<?>> FIELDS = List.of(TaskFields.class, AgentFields.class, AgentExecutionFields.class,
            TenantFields.class, UserFields.class, ProjectFields.class, AgentTaskFields.class, LessonFields.class,
            AuditLogFields.class);

    @Test
    void eachWitherSetsOnlyItsComponent() throws Exception {
        int checked = 0;
        for (Class<?> type : FIELDS) {
            RecordComponent[] comps = type.getRecordComponents();
            Object base = blank(type, comps);
            for (RecordComponent c : comps) {
                Method wither = type.getMethod("with" + Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1),
                        c.getType());
                Object value = sample(c.getType());
                Object changed = wither.invoke(base, value);
                for (RecordComponent other : comps) {
                    Object got = other.getAccessor().invoke(changed);
                    Object expected = other.getName().equals(c.getName()) ? value : other.getAccessor().invoke(base);
                    assertThat(got).as("%s.%s changes %s", type.getSimpleName(), wither.getName(), other.getName()).isEqualTo(expected);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(70);
    }

    private static Object blank(Class<?> type, RecordComponent[] comps) throws Exception {
        Class<?>[] types = new Class<?>[comps.length];
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            args.add(types[i].isPrimitive() ? primitiveZero(types[i]) : null);
        }
        return type.getDeclaredConstructor(types).newInstance(args.toArray());
    }

    private static Object primitiveZero(Class<?> t) {
        return t == boolean.class ? false : t == long.class ? 0L : t == double.class ? 0.0 : t == int.class ? 0 : (Object) 0;
    }

    private static Object sample(Class<?> t) {
        if (t == String.class) return "sample";
        if (t == UUID.class) return UUID.fromString("00000000-0000-0000-0000-000000000042");
        if (t == Integer.class || t == int.class) return 7;
        if (t == Long.class || t == long.class) return 7L;
        if (t == Double.class || t == double.class) return 7.5;
        if (t == Boolean.class || t == boolean.class) return true;
        if (t == BigDecimal.class) return new BigDecimal("1.25");
        if (t == OffsetDateTime.class) return OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        if (t == List.class) return List.of("a", "b");
        if (t == Map.class) return Map.of("k", "v");
        if (t == Position.class) return new Position(1.0, 2.0, 3.0);
        if (t == TenantSettings.class) return TenantSettings.empty().withDefaultModel("m");
        if (t == TenantQuotas.class) return TenantQuotas.unlimited().withMaxUsers(3);
        if (t.isEnum()) return t.getEnumConstants()[0];
        throw new IllegalStateException("no sample for " + t);
    }
}
