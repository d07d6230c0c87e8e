package dev.hybriddb.internal.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VectorBindingIT {
    private static final DataType<float[]> VECTOR = SQLDataType.OTHER.asConvertedDataType(new VectorBinding());
    private static final DataType<String> INET = SQLDataType.OTHER.asConvertedDataType(new InetBinding());
    private static PostgresService db;

    @BeforeAll
    static void database() {
        db = TestServices.freshDatabase("core_vector_binding");
    }

    @AfterAll
    static void drop() {
        TestServices.dropDatabase(db);
    }

    @Test
    void roundTripsFloatArraysThroughPgvector() throws Exception {
        try (Connection c = db.openAdmin()) {
            DSLContext dsl = DSL.using(c, SQLDialect.POSTGRES);
            float[] in = {1.5f, -2f, 0.25f};
            Field<float[]> value = DSL.val(in, VECTOR);
            assertThat(dsl.select(value).fetchOne(value)).containsExactly(1.5f, -2f, 0.25f);
            Field<Double> distance = DSL.field("{0} <-> {1}", Double.class, value, DSL.val(new float[] {1.5f, -2f, 1.25f}, VECTOR));
            assertThat(dsl.select(distance).fetchOne(distance)).isEqualTo(1.0);
            Field<float[]> nothing = DSL.val(null, VECTOR);
            assertThat(dsl.select(nothing).fetchOne(nothing)).isNull();
        }
    }

    @Test
    void rendersInlineAndBindValuesWithACast() {
        DSLContext dsl = DSL.using(SQLDialect.POSTGRES);
        assertThat(dsl.render(DSL.select(DSL.val(new float[] {1f, 2f}, VECTOR)))).contains("?::vector");
        assertThat(dsl.renderInlined(DSL.select(DSL.val(new float[] {1f, 2f}, VECTOR)))).contains("'[1.0,2.0]'::vector");
        assertThat(dsl.render(DSL.select(DSL.val("192.0.2.1", INET)))).contains("?::inet");
    }

    @Test
    void refusesNonFiniteComponentsAndMalformedText() {
        VectorBinding binding = new VectorBinding();
        assertThatThrownBy(() -> binding.converter().to(new float[] {Float.NaN})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> binding.converter().from("1,2")).isInstanceOf(IllegalArgumentException.class);
        assertThat(binding.converter().from("[]")).isEmpty();
    }

    @Test
    void readsAndWritesInetAndTsvector() throws Exception {
        try (Connection c = db.openAdmin()) {
            DSLContext dsl = DSL.using(c, SQLDialect.POSTGRES);
            Field<String> ip = DSL.val("2001:db8::1", INET);
            assertThat(dsl.select(ip).fetchOne(ip)).isEqualTo("2001:db8::1");
            Field<String> tsv = DSL.val("'cat':1 'sat':2", SQLDataType.OTHER.asConvertedDataType(new TsvectorBinding()));
            assertThat(dsl.select(tsv).fetchOne(tsv)).isEqualTo("'cat':1 'sat':2");
        }
    }
}
