package dev.hybriddb.sync.internal.capture;

import dev.hybriddb.Database;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replication session of a WalCapture: reads pgoutput messages, turns row changes of attached
 * tables into outbox rows, writes them in batches and confirms the slot after each committed batch
 * (only up to the last transaction read to its commit). Ends when the stream fails or
 * {@link Progress#running()} turns false.
 */
public final class CaptureSession {
    /** Prefix of the logical messages WalCapture.awaitCaughtUp commits as markers. */
    public static final String MARKER_PREFIX = "hybriddb_capture";
    private static final Logger LOG = LoggerFactory.getLogger(CaptureSession.class);

    /** What the session reports to its WalCapture. */
    public interface Progress {
        boolean running();

        void written(int rows);

        void transactionRead();

        /** The slot is confirmed up to {@code lsn}; the markers read before it have passed. */
        void confirmed(long lsn, List<String> markers);

        long confirmedLsn();
    }

    private final PGReplicationStream stream;
    private final Database database;
    private final int batchSize;
    private final Progress progress;
    private final Map<Integer, PgOutput.Relation> relations = new HashMap<>();
    /** The attach arguments of each relation described in this session; absent when not attached. */
    private final Map<Integer, CaptureTables.Spec> specs = new HashMap<>();
    private final List<CapturedRow> batch = new ArrayList<>();
    private final List<String> markers = new ArrayList<>();
    private final List<String> batchMarkers = new ArrayList<>();
    private CaptureTables tables;
    private boolean inTransaction;
    private long commitMicros;
    private long committedEnd;

    public CaptureSession(PGReplicationStream stream, Database database, int batchSize, Progress progress) {
        this.stream = stream;
        this.database = database;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    public void run() throws SQLException {
        tables = database.inTransaction(CaptureTables::load);
        while (progress.running()) {
            ByteBuffer m = stream.readPending();
            if (m == null) {                        // caught up with the server: write, then block
                if (!inTransaction) {
                    flush();
                    confirmIdle();
                }
                m = stream.read();                  // stop() closes the connection to end it
                if (m == null) {
                    continue;
                }
            }
            handle(PgOutput.decode(m));
            if (batch.size() >= batchSize) {
                flush();
            }
        }
    }

    private void handle(PgOutput.Message msg) {
        if (msg instanceof PgOutput.Begin b) {
            inTransaction = true;
            commitMicros = b.commitMicros();
        } else if (msg instanceof PgOutput.Commit cm) {
            inTransaction = false;
            committedEnd = cm.endLsn();
            progress.transactionRead();
            batchMarkers.addAll(markers);
            markers.clear();
        } else if (msg instanceof PgOutput.Relation r) {
            describe(r);
        } else if (msg instanceof PgOutput.Change ch) {
            capture(ch);
        } else if (msg instanceof PgOutput.Logical l && MARKER_PREFIX.equals(l.prefix())) {
            markers.add(new String(l.content(), StandardCharsets.UTF_8));
        } else if (msg instanceof PgOutput.Truncate t) {
            t.relationIds().forEach(this::captureTruncate);
        }
    }

    /** A truncated attached table: the row the AFTER TRUNCATE trigger writes in triggers mode. */
    private void captureTruncate(int relationId) {
        PgOutput.Relation rel = relations.get(relationId);
        if (rel != null && specs.containsKey(relationId)) {
            batch.add(CapturedRow.truncate(rel, commitMicros));
        }
    }

    /**
     * A relation is described before its first change and again after it was altered: look its
     * attach arguments up then, reloading the registry once if it was attached since.
     */
    private void describe(PgOutput.Relation r) {
        relations.put(r.id(), r);
        CaptureTables.Spec spec = tables.spec(r.schema(), r.name()).orElse(null);
        if (spec == null) {
            tables = database.inTransaction(CaptureTables::load);
            spec = tables.spec(r.schema(), r.name()).orElse(null);
        }
        if (spec == null) {
            specs.remove(r.id());
            LOG.warn("WAL capture: {}.{} is in the publication but not attached (hybriddb_outbox_attach); its changes are skipped",
                    r.schema(), r.name());
        } else {
            specs.put(r.id(), spec);
        }
    }

    private void capture(PgOutput.Change ch) {
        PgOutput.Relation rel = relations.get(ch.relationId());
        if (rel == null) {
            throw new IllegalStateException("pgoutput: a change of relation " + ch.relationId() + " before its description");
        }
        CaptureTables.Spec spec = specs.get(ch.relationId());
        if (spec == null) {
            return;                                     // not attached: warned when described
        }
        CapturedRow row = CapturedRow.of(ch, rel, spec, commitMicros);
        if (row != null) {
            batch.add(row);
        }
    }

    /** Writes the batch, then confirms the slot up to the last transaction read to its commit. */
    private void flush() throws SQLException {
        if (!batch.isEmpty()) {
            List<CapturedRow> rowsNow = List.copyOf(batch);
            database.inTransaction(c -> {
                CaptureWriter.write(c, rowsNow);
                return null;
            });
            progress.written(rowsNow.size());
            batch.clear();
        }
        if (committedEnd > progress.confirmedLsn() || !batchMarkers.isEmpty()) {
            confirm(Math.max(committedEnd, progress.confirmedLsn()));
        }
    }

    /** Nothing buffered: everything the server sent so far (keep-alives included) is done. */
    private void confirmIdle() throws SQLException {
        long received = stream.getLastReceiveLSN().asLong();
        if (batch.isEmpty() && received > progress.confirmedLsn()) {
            confirm(received);
        }
    }

    private void confirm(long lsn) throws SQLException {
        LogSequenceNumber at = LogSequenceNumber.valueOf(lsn);
        stream.setAppliedLSN(at);
        stream.setFlushedLSN(at);
        stream.forceUpdateStatus();
        progress.confirmed(lsn, List.copyOf(batchMarkers));
        batchMarkers.clear();
    }
}
