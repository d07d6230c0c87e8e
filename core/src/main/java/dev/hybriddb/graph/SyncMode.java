package dev.hybriddb.graph;

import dev.hybriddb.ConfigurationException;
import java.util.Locale;

/**
 * How changes in PostgreSQL reach the graph.
 *
 * <ul>
 *   <li>{@link #MANUAL}: the application calls {@link GraphSync} itself (one entity, many, or a
 *       whole workspace). Nothing is captured, so nothing accumulates in the outbox.</li>
 *   <li>{@link #REALTIME}: row triggers write every change of a projected table to an outbox in the
 *       writing transaction; a background consumer applies it to the graph within milliseconds.</li>
 *   <li>{@link #WAL_CAPTURE}: as {@code REALTIME}, but the outbox is filled from PostgreSQL's
 *       write-ahead log (a logical replication slot) instead of triggers, off the writers' path.</li>
 * </ul>
 *
 * <p>The capture mode is a property of the database: switching an instance's mode switches it for
 * every application instance on that database. Leaving {@code MANUAL} rebuilds every graph once.
 */
public enum SyncMode {
    MANUAL,
    REALTIME,
    WAL_CAPTURE;

    /** Parses {@code manual}, {@code realtime} (or {@code triggers}) and {@code wal} (or {@code wal_capture}). */
    public static SyncMode parse(String setting, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (v) {
            case "manual" -> MANUAL;
            case "realtime", "real_time", "triggers" -> REALTIME;
            case "wal", "wal_capture" -> WAL_CAPTURE;
            default -> throw new ConfigurationException(setting, value, "must be manual, realtime or wal");
        };
    }
}
