package dev.hybriddb.sync;

import dev.hybriddb.Database;
import dev.hybriddb.sync.capture.WalCapture;
import dev.hybriddb.sync.internal.outbox.Outbox;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What monitoring needs from the sync besides {@code db.sync().status()}: the age of the oldest
 * outbox row, the WAL capture's counters and the WAL its replication slot retains. Provided by the
 * sync module as {@code db.service(SyncTelemetry.class)} when a sync mode was requested (it reads
 * the outbox as the owner role). Every read is one cheap query; a database that does not answer
 * gives an empty value rather than an exception, so gauges can poll it.
 */
public final class SyncTelemetry {
    private static final Logger LOG = LoggerFactory.getLogger(SyncTelemetry.class);
    private static final String SLOT_SQL = "SELECT active, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint"
            + " FROM pg_replication_slots WHERE slot_name = public.hybriddb_capture_slot()";

    private final Database owner;
    private final WalCapture capture;

    /** Over the owner role's database and, in WAL capture mode, the running capture (else null). */
    public SyncTelemetry(Database owner, WalCapture capture) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.capture = capture;
    }

    /** The age of the oldest row waiting in the outbox; empty when it is empty or did not answer. */
    public Optional<Duration> outboxOldestAge() {
        try {
            Long millis = owner.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT (extract(epoch FROM clock_timestamp() - min(created_at))"
                        + " * 1000)::bigint FROM " + Outbox.TABLE);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    return rs.wasNull() ? null : v;
                }
            });
            return Optional.ofNullable(millis).map(m -> Duration.ofMillis(Math.max(0, m)));
        } catch (RuntimeException e) {
            LOG.debug("outbox age unavailable: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The WAL capture of this HybridDB, when it runs in {@code WAL_CAPTURE} mode. */
    public Optional<WalCapture> capture() {
        return Optional.ofNullable(capture);
    }

    /**
     * The bytes of WAL the capture slot keeps on the server (from {@code pg_replication_slots}),
     * empty when there is no slot or the database did not answer.
     */
    public OptionalLong retainedWalBytes() {
        return slot().map(s -> OptionalLong.of(s.retainedBytes())).orElse(OptionalLong.empty());
    }

    /** The capture slot: whether a reader is attached and how much WAL it retains; empty without a slot. */
    public Optional<Slot> slot() {
        try {
            return owner.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(SLOT_SQL); ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Slot(rs.getBoolean(1), rs.getLong(2))) : Optional.<Slot>empty();
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("capture slot unavailable: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * The logical replication slot of the WAL capture.
     *
     * @param active        a reader (the WAL capture) is attached
     * @param retainedBytes WAL kept for it between its restart point and the server's current position
     */
    public record Slot(boolean active, long retainedBytes) {
    }
}
