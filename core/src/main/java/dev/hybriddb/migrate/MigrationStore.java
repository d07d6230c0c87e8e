package dev.hybriddb.migrate;

import java.util.List;
import java.util.Optional;

/**
 * One side of a migration, as the application implements it: the legacy store it is leaving (an
 * in-memory map, a SQLite file, another database) or its new home on HybridDB (usually the typed
 * repositories in a tenant transaction). Records of type {@code V} are identified by a string key
 * that both sides agree on (see {@link Migration#of}).
 *
 * <p>Writes must be idempotent (insert or replace): the dual writer and the repair replay them.
 */
public interface MigrationStore<V> {
    /** The record with {@code key}, if present. */
    Optional<V> read(String key);

    /** Inserts {@code value}, or replaces the record with its key. */
    void write(V value);

    /** Deletes the record with {@code key}; false when there was none. */
    boolean delete(String key);

    /** Every record (what the consistency check compares). */
    List<V> readAll();
}
