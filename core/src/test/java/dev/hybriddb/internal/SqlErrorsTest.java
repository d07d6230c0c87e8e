package dev.hybriddb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.ConstraintViolationException;
import dev.hybriddb.HybridDBException;
import dev.hybriddb.UnavailableException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
    @Test
    void transientStatesOnly() {
        for (String s : new String[] {"08000", "08006", "08001", "57P01", "40001", "40P01", "53300"}) {
            assertThat(SqlErrors.isTransient(new SQLException("x", s))).as(s).isTrue();
        }
        for (String s : new String[] {"23505", "23503", "42P01", "22P02", "57014", "42501", null}) {
            assertThat(SqlErrors.isTransient(new SQLException("x", s))).as(String.valueOf(s)).isFalse();
        }
        // HikariCP's "Connection is not available, request timed out" while no server accepts connections has no SQLState
        java.sql.SQLTransientConnectionException poolTimeout = new java.sql.SQLTransientConnectionException("pool timed out", (String) null);
        assertThat(SqlErrors.isTransient(poolTimeout)).isTrue();
        assertThat(SqlErrors.translate(poolTimeout, 7)).isInstanceOf(UnavailableException.class);
    }

    @Test
    void translation() {
        assertThat(SqlErrors.translate(new SQLException("x", "23505"), 1)).isInstanceOf(ConstraintViolationException.class);
        assertThat(SqlErrors.translate(new SQLException("x", "40001"), 4)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("4 time(s)");
        assertThat(SqlErrors.translate(new SQLException("x", "42P01"), 1)).isExactlyInstanceOf(HybridDBException.class);
    }

    @Test
    void findsWrappedCause() {
        SQLException sql = new SQLException("x", "40P01");
        assertThat((Object) SqlErrors.sqlCause(new RuntimeException(new IllegalStateException(sql)))).isSameAs(sql);
        assertThat((Object) SqlErrors.sqlCause(new RuntimeException("none"))).isNull();
    }
}
