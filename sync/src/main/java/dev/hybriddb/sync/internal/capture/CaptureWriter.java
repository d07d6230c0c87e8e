package dev.hybriddb.sync.internal.capture;

import dev.hybriddb.sync.internal.outbox.Outbox;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes captured rows into the outbox in one statement, in capture order, and wakes the consumers
 * (NOTIFY, sent at commit). Runs in the caller's transaction.
 */
public final class CaptureWriter {
    private static final String INSERT = "INSERT INTO " + Outbox.TABLE + " (tenant_id, table_name, op, row_key, old_row, created_at)"
            + " SELECT b.tenant_id, b.table_name, b.op,"
            + " CASE WHEN b.key_typed THEN b.row_key ELSE hybriddb_sync.hybriddb_capture_typed(b.tbl::regclass, b.row_key) END,"
            + " CASE WHEN b.old_row IS NULL OR b.old_typed THEN b.old_row ELSE hybriddb_sync.hybriddb_capture_typed(b.tbl::regclass, b.old_row) END,"
            + " timestamptz '2000-01-01 00:00:00+00' + b.commit_us * interval '1 microsecond'"
            + " FROM unnest(?::text[]::uuid[], ?::text[], ?::text[], ?::text[]::jsonb[], ?::boolean[], ?::text[]::jsonb[], ?::boolean[], ?::text[], ?::bigint[])"
            + " WITH ORDINALITY AS b(tenant_id, table_name, op, row_key, key_typed, old_row, old_typed, tbl, commit_us, ord)"
            + " ORDER BY b.ord";

    private CaptureWriter() {}

    public static void write(Connection c, List<CapturedRow> rows) throws SQLException {
        int n = rows.size();
        String[] tenants = new String[n];
        String[] tables = new String[n];
        String[] ops = new String[n];
        String[] keys = new String[n];
        Boolean[] keyTyped = new Boolean[n];
        String[] olds = new String[n];
        Boolean[] oldTyped = new Boolean[n];
        String[] refs = new String[n];
        Long[] commits = new Long[n];
        for (int i = 0; i < n; i++) {
            CapturedRow r = rows.get(i);
            tenants[i] = r.tenant();
            tables[i] = r.table();
            ops[i] = String.valueOf(r.op());
            keys[i] = r.rowKey();
            keyTyped[i] = r.keyTyped();
            olds[i] = r.oldRow();
            oldTyped[i] = r.oldTyped();
            refs[i] = r.tableRef();
            commits[i] = r.commitMicros();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            Array[] arrays = {c.createArrayOf("text", tenants), c.createArrayOf("text", tables), c.createArrayOf("text", ops),
                c.createArrayOf("text", keys), c.createArrayOf("boolean", keyTyped), c.createArrayOf("text", olds),
                c.createArrayOf("boolean", oldTyped), c.createArrayOf("text", refs), c.createArrayOf("bigint", commits)};
            for (int i = 0; i < arrays.length; i++) {
                ps.setArray(i + 1, arrays[i]);
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, '')")) {
            ps.setString(1, Outbox.CHANNEL);
            ps.execute();
        }
    }
}
