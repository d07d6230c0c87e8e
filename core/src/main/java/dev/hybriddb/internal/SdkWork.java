package dev.hybriddb.internal;

import dev.hybriddb.SqlFunction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Marks work written inside the SDK (repositories, sync, vector, coordination): it leaves no
 * session state behind, so {@link Transactions} skips the connection reset after it. Work that
 * is not marked comes from application code and gets the reset. SDK work may also carry
 * transaction-local {@link LocalSettings}, which {@link Transactions} makes in the statement that
 * sets the transaction's context, before the work runs.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SdkWork<T> extends SqlFunction<Connection, T> {
    /** {@code work}, marked as the SDK's own. */
    static <T> SdkWork<T> of(SqlFunction<Connection, T> work) {
        return work::apply;
    }

    /** {@code work}, marked as the SDK's own, with {@code settings} made transaction-locally before it runs. */
    static <T> SdkWork<T> withSettings(LocalSettings settings, SqlFunction<Connection, T> work) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(work, "work");
        return new SdkWork<>() {
            @Override
            public T apply(Connection c) throws SQLException {
                return work.apply(c);
            }

            @Override
            public LocalSettings settings() {
                return settings;
            }
        };
    }

    /** The settings made transaction-locally with the context, before the work runs; none by default. */
    default LocalSettings settings() {
        return LocalSettings.NONE;
    }
}
