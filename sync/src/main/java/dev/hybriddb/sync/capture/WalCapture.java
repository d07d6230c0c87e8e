package dev.hybriddb.sync.capture;

import dev.hybriddb.Database;
import dev.hybriddb.InvalidInputException;
import dev.hybriddb.graph.SyncErrorListener;
import dev.hybriddb.internal.Redact;
import dev.hybriddb.sync.internal.Worker;
import dev.hybriddb.sync.internal.capture.CaptureSession;
import dev.hybriddb.sync.internal.capture.CaptureSlot;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trigger-free change capture: reads the row changes of the attached tables from the logical
 * replication slot {@code hybriddb_capture_slot()} ({@code pgoutput}, publication
 * {@code hybriddb_capture}) and writes the outbox rows the sync triggers would have written, one
 * statement per batch, with a NOTIFY that wakes {@link dev.hybriddb.sync.RealtimeSync}. Writers then pay no trigger:
 * only the WAL of {@code REPLICA IDENTITY FULL}.
 *
 * <p>Needs {@code wal_level=logical} and a role with the REPLICATION attribute (the owner role, or
 * a service role that may write the outbox). {@link #install(Database)} creates the slot and
 * switches the tables from triggers to the publication in one transaction, so no change falls in
 * between; {@link #uninstall(Database)} switches back. The slot is confirmed only after a batch's
 * outbox rows are committed: after a crash or a stop the slot replays from there (a change may be
 * written twice, which the consumer applies idempotently); nothing is lost. While no WalCapture
 * reads it, the slot keeps the server's WAL: watch {@code pg_replication_slots}, and drop the slot
 * ({@link #dropSlot(Database)}) when the capture is retired. One WalCapture reads a slot at a time;
 * a second one waits, retrying, until the slot is free.
 *
 * <p>Failover: on PostgreSQL 17 and later the slot is a failover slot. A standby with
 * {@code sync_replication_slots = on}, {@code hot_standby_feedback = on} and a
 * {@code primary_slot_name}, named in the primary's {@code synchronized_standby_slots}, keeps a copy
 * that is never ahead of what it has received; after its promotion the capture (connecting through a
 * multi-host URL) resumes from that copy, reading some changes twice, missing none. When the slot
 * is missing or invalidated while the capture is in use, the capture recreates it and requests a
 * rebuild of every registered tenant graph, which the real-time consumer carries out (changes of
 * the gap are in PostgreSQL's rows, not in any slot).
 */
public final class WalCapture implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCapture.class);

    private final Database database;
    private final ReplicationConnectionFactory replication;
    private final int batchSize;
    private final SyncErrorListener errorListener;
    private final Duration maxBackoff;
    private final Worker worker = new Worker("hybriddb-wal-capture");
    private final Map<String, Boolean> markersDone = new ConcurrentHashMap<>();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile long confirmedLsn;
    private volatile String lastError;
    private volatile Connection connection;
    private final CaptureSession.Progress progress = new CaptureSession.Progress() {
        @Override
        public boolean running() {
            return worker.running();
        }

        @Override
        public void written(int rowCount) {
            rows.addAndGet(rowCount);
        }

        @Override
        public void transactionRead() {
            transactions.incrementAndGet();
        }

        @Override
        public void confirmed(long lsn, List<String> markers) {
            confirmedLsn = lsn;
            markers.forEach(m -> markersDone.put(m, Boolean.TRUE));
        }

        @Override
        public long confirmedLsn() {
            return confirmedLsn;
        }
    };

    /** Opens a replication connection ({@code replication=database}), never from a pool. */
    @FunctionalInterface
    public interface ReplicationConnectionFactory {
        Connection open() throws SQLException;
    }

    private WalCapture(Builder b) {
        this.errorListener = b.errorListener;
        this.database = b.database;
        this.replication = b.replication;
        this.batchSize = b.batchSize;
        this.maxBackoff = b.maxBackoff;
    }

    /**
     * @param database    pooled connections of a role that may write the outbox (the owner role)
     * @param replication opens the replication connection, e.g. {@link #replicationVia(String, String, String)}
     */
    public static Builder builder(Database database, ReplicationConnectionFactory replication) {
        return new Builder(database, replication);
    }

    /** The JDBC properties of a logical replication connection (credentials not included). */
    public static Properties replicationProperties() {
        Properties p = new Properties();
        PGProperty.REPLICATION.set(p, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(p, "10");
        PGProperty.PREFER_QUERY_MODE.set(p, "simple");
        PGProperty.APPLICATION_NAME.set(p, "hybriddb-wal-capture");
        PGProperty.TCP_KEEP_ALIVE.set(p, true);
        return p;
    }

    /** A factory of logical replication connections; the password stays inside it. */
    public static ReplicationConnectionFactory replicationVia(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Properties p = replicationProperties();
        PGProperty.USER.set(p, Objects.requireNonNull(user, "user"));
        if (password != null) {
            PGProperty.PASSWORD.set(p, password);
        }
        return () -> {
            try {
                return DriverManager.getConnection(jdbcUrl, p);
            } catch (SQLException e) {
                throw Redact.sql(e);
            }
        };
    }

    /**
     * Creates the slot when it is missing, then switches every attached table from the outbox
     * triggers to the publication ({@code hybriddb_capture_use('wal')}).
     * Needs {@code wal_level=logical} and the REPLICATION attribute. On PostgreSQL 17 and later the
     * slot is a failover slot. A slot missing while the capture was already in use is a gap:
     * see the class comment.
     */
    public static void install(Database owner) {
        owner.inTransaction(c -> call(c, "SELECT public.hybriddb_capture_publication()"));    // before the slot, see changelog 0940
        CaptureSlot.ensure(owner);
        owner.inTransaction(c -> call(c, "SELECT public.hybriddb_capture_use('wal')"));
    }

    /** Switches every attached table back to the outbox triggers; the slot stays until {@link #dropSlot(Database)}. */
    public static void uninstall(Database owner) {
        owner.inTransaction(c -> call(c, "SELECT public.hybriddb_capture_use('triggers')"));
    }

    /** Drops the slot (its unread changes are gone): only after {@link #uninstall(Database)} and a capture caught up. */
    public static void dropSlot(Database owner) {
        owner.inTransaction(c -> call(c, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = hybriddb_capture_slot()"));
    }

    private static Void call(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        }
        return null;
    }

    /** Starts the worker. Idempotent. */
    public void start() {
        worker.start(this::run);
    }

    /** Stops the worker and closes its connection; rows read but not yet written are read again next time. */
    public void stop() {
        Thread t = worker.requestStop();
        if (t == null) {
            return;
        }
        Worker.closeQuietly(connection);                // ends a blocking read; unconfirmed rows are read again
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return worker.running();
    }

    /** Outbox rows written since start. */
    public long capturedRows() {
        return rows.get();
    }

    /** Source transactions read to their commit since start. */
    public long transactions() {
        return transactions.get();
    }

    public long errors() {
        return errors.get();
    }

    /** The last error's class and message, or null. */
    public String lastError() {
        return lastError;
    }

    /** The slot position confirmed last (everything before it is in the outbox), e.g. {@code 0/16B3748}. */
    public String confirmedLsn() {
        return LogSequenceNumber.valueOf(confirmedLsn).asString();
    }

    /**
     * Waits until every change committed before this call is in the outbox: commits a marker
     * (a logical message) and waits for the capture to pass it. Returns false on timeout.
     */
    public boolean awaitCaughtUp(Duration timeout) {
        String marker = UUID.randomUUID().toString();
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_logical_emit_message(true, ?, ?)")) {
                ps.setString(1, CaptureSession.MARKER_PREFIX);
                ps.setString(2, marker);
                ps.execute();
            }
            return null;
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        while (markersDone.remove(marker) == null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Worker.sleep(5);
        }
        return true;
    }

    // ------------------------------------------------------------------ worker

    private void run() {
        long backoff = 0;
        while (worker.running()) {
            try {
                stream();
                backoff = 0;
            } catch (SQLException | RuntimeException e) {
                if (!worker.running()) {
                    break;
                }
                errors.incrementAndGet();
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                backoff = Worker.nextBackoff(backoff, maxBackoff);
                LOG.warn("WAL capture failed (retrying in {} ms): {}", backoff, lastError);
                try {
                    errorListener.onError("capture", e);
                } catch (RuntimeException listenerFailure) {
                    LOG.warn("WAL capture: the error listener failed: {}", listenerFailure.toString());
                }
                Worker.sleep(backoff);
            } finally {
                Worker.closeQuietly(connection);
                connection = null;
            }
        }
    }

    /** One replication session: reads, writes and confirms until stopped or failed. */
    private void stream() throws SQLException {
        CaptureSlot.ensure(database);
        Connection c = replication.open();
        connection = c;
        String slot;
        try (PreparedStatement ps = c.prepareStatement("SELECT public.hybriddb_capture_slot()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            slot = rs.getString(1);
        }
        CaptureSlot.enableFailover(c, slot);
        PGReplicationStream stream = c.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                .withSlotName(slot)
                .withSlotOption("proto_version", "1")
                .withSlotOption("publication_names", "hybriddb_capture")
                .withSlotOption("messages", "true")
                .withStatusInterval(10, TimeUnit.SECONDS)
                .start();
        LOG.info("WAL capture: reading slot {}", slot);
        new CaptureSession(stream, database, batchSize, progress).run();
    }


    /** Configuration of a {@link WalCapture}; validated when set. */
    public static final class Builder {
        private final Database database;
        private final ReplicationConnectionFactory replication;
        private int batchSize = 1000;
        private Duration maxBackoff = Duration.ofSeconds(30);
        private SyncErrorListener errorListener = SyncErrorListener.none();

        private Builder(Database database, ReplicationConnectionFactory replication) {
            this.database = Objects.requireNonNull(database, "database");
            this.replication = Objects.requireNonNull(replication, "replication");
        }

        /** Outbox rows per insert (and most rows held in memory); 1 to 100,000, default 1,000. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 100_000) {
                throw new InvalidInputException("batchSize", batchSize, "must be between 1 and 100000");
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Longest wait between reconnection attempts; 100 ms to 10 minutes, default 30 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            if (maxBackoff == null || maxBackoff.toMillis() < 100 || maxBackoff.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new InvalidInputException("maxBackoff", maxBackoff, "must be between 100 ms and 10 minutes");
            }
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** Told about every failure of the capture (it reconnects and resumes from the slot). */
        public Builder errorListener(SyncErrorListener errorListener) {
            this.errorListener = Objects.requireNonNull(errorListener, "errorListener");
            return this;
        }

        public WalCapture build() {
            return new WalCapture(this);
        }
    }
}
