package dev.hybriddb.cli.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How changes reach the sync outbox (changelog 0940), read as the owner role: the mode
 * ({@code triggers}, {@code wal} or {@code manual}), {@code wal_level}, and the replication slot
 * {@code hybriddb_capture_slot()}: whether it exists, whether a WalCapture reads it, and how much
 * WAL it keeps the server from recycling.
 *
 * @param installed     false when changelog 0940 is not applied (the other fields are then empty)
 * @param mode          {@code triggers}, {@code wal} or {@code manual}
 * @param walLevel      the server's {@code wal_level}
 * @param slot          the slot name of this database
 * @param slotExists    whether the slot exists
 * @param readerActive  whether a replication connection (a WalCapture) reads the slot
 * @param retainedBytes WAL from the slot's confirmed position to the current one; -1 when unknown
 * @param retained      {@code retainedBytes} pretty-printed, e.g. {@code 24 kB}
 * @param tables        tables attached to the outbox
 */
public record CaptureState(boolean installed, String mode, String walLevel, String slot, boolean slotExists,
                           boolean readerActive, long retainedBytes, String retained, long tables) {
    /** The name of the doctor check. */
    public static final String CHECK = "change capture";
    /** Retained WAL beyond this is a warning. */
    public static final long RETAINED_WARN_BYTES = 1L << 30;

    private static final String SQL = """
            SELECT hybriddb_capture_mode(), current_setting('wal_level'), hybriddb_capture_slot(),
                   s.slot_name IS NOT NULL, coalesce(s.active, false), r.bytes, pg_size_pretty(r.bytes),
                   (SELECT count(*) FROM hybriddb_sync.hybriddb_capture_tables)
              FROM (SELECT 1) one
              LEFT JOIN pg_replication_slots s ON s.slot_name = hybriddb_capture_slot()
              LEFT JOIN LATERAL (SELECT CASE WHEN pg_is_in_recovery() THEN NULL
                                             ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), s.confirmed_flush_lsn) END AS bytes) r ON true
            """;

    /** Reads the state on {@code c}, a connection of the owner role. */
    public static CaptureState read(Connection c) throws SQLException {
        if (PostgresChecks.scalar(c, "SELECT to_regprocedure('hybriddb_capture_mode()')::text") == null) {
            return new CaptureState(false, null, null, null, false, false, -1, null, 0);
        }
        try (PreparedStatement ps = c.prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long bytes = rs.getLong(6);
            boolean known = !rs.wasNull();
            return new CaptureState(true, rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                    rs.getBoolean(5), known ? bytes : -1, known ? rs.getString(7) : "an unknown amount", rs.getLong(8));
        }
    }

    public boolean walMode() {
        return "wal".equals(mode);
    }

    /** The doctor's verdict. */
    public Check check() {
        if (!installed) {
            return Check.warn(CHECK, "no capture mode (changelog 0940): run `hybriddb migrate`");
        }
        if (!walMode()) {
            if (!slotExists) {
                return Check.ok(CHECK, "manual".equals(mode) ? "manual (nothing captured: the application syncs explicitly)" : "triggers");
            }
            return Check.warn(CHECK, mode + ", but slot " + slot + " still exists and retains " + retained + " of WAL"
                    + (readerActive ? " (a WalCapture still reads it; stop it once caught up)" : "")
                    + ": drop it with `hybriddb capture triggers --drop-slot`");
        }
        if (!"logical".equals(walLevel)) {
            return Check.fail(CHECK, "wal, but wal_level is " + walLevel + ": set wal_level=logical and restart PostgreSQL,"
                    + " or switch back with `hybriddb capture triggers`");
        }
        if (!slotExists) {
            return Check.fail(CHECK, "wal, but slot " + slot + " is missing: changes are not captured; run `hybriddb capture wal`,"
                    + " then `hybriddb reconcile --repair`");
        }
        List<String> warnings = new ArrayList<>();
        if (!readerActive) {
            warnings.add("start a WalCapture next to RealtimeSync: the outbox gets no rows until one reads the slot");
        }
        if (retainedBytes > RETAINED_WARN_BYTES) {
            warnings.add("more than 1 GB retained: the WalCapture is behind or stopped, and the server keeps that WAL on disk");
        }
        String detail = "wal, slot " + slot + ", " + (readerActive ? "a WalCapture is reading it" : "no reader active")
                + ", retains " + retained + " of WAL";
        return warnings.isEmpty() ? Check.ok(CHECK, detail) : Check.warn(CHECK, detail + ": " + String.join("; ", warnings));
    }

    /** The state as lines for {@code hybriddb capture status}. */
    public List<String> describe() {
        if (!installed) {
            return List.of("capture: not installed (changelog 0940 missing): run `hybriddb migrate`");
        }
        List<String> lines = new ArrayList<>();
        lines.add("mode:          " + mode);
        lines.add("wal_level:     " + walLevel);
        lines.add("tables:        " + tables + " attached to the outbox");
        lines.add("slot:          " + slot + (slotExists ? "" : " (does not exist)"));
        if (slotExists) {
            lines.add("reader:        " + (readerActive ? "active (a WalCapture is reading the slot)" : "none active"));
            lines.add("retained WAL:  " + retained);
        }
        return lines;
    }
}
