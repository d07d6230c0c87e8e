package dev.hybriddb;

import java.sql.SQLException;

/**
 * A unit of database work that may throw {@link SQLException}; {@link Database} runs it inside a
 * transaction, retries it on transient failures and translates its exceptions.
 *
 * <p>Because work may be retried, it must not have side effects outside the transaction (or only
 * idempotent ones).
 *
 * @param <I> the input, usually a {@link java.sql.Connection}
 * @param <T> the result
 */
@FunctionalInterface
public interface SqlFunction<I, T> {
    /** Does the work. */
    T apply(I in) throws SQLException;
}
