package dev.hybriddb.internal;

import dev.hybriddb.SqlFunction;
import java.sql.Connection;

/**
 * Marks work written inside the SDK (repositories, sync, vector, coordination): it leaves no
 * session state behind, so {@link Transactions} skips the connection reset after it. Work that
 * is not marked comes from application code and gets the reset.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SdkWork<T> extends SqlFunction<Connection, T> {
    /** {@code work}, marked as the SDK's own. */
    static <T> SdkWork<T> of(SqlFunction<Connection, T> work) {
        return work::apply;
    }
}
