package dev.hybriddb.sync.internal.outbox;

import dev.hybriddb.sync.internal.Worker;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time consumer's dedicated LISTEN connection (never from a pool) and the wake lock
 * ({@link WakeLock}) it holds while the consumer sleeps: opened with exponential backoff, closed
 * when it fails, and the wait for a notification, a wake-up request or the poll timer. Used by the
 * consumer's worker thread; {@link #requestWake()} may be called from any thread.
 */
public final class ListenChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ListenChannel.class);
    /** The longest sleep without the wake lock: a writer transaction still open may have skipped its NOTIFY. */
    private static final Duration UNARMED_POLL = Duration.ofMillis(100);

    /** Opens the dedicated connection. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Runnable onReconnect;
    private final AtomicLong connects = new AtomicLong();
    private volatile Connection connection;
    private volatile boolean wakeRequested;
    private volatile boolean armed;
    /** The last {@link #arm()} waited out the lock timeout for writers in flight: that wait was this round's pause. */
    private volatile boolean armWaited;
    private long nextAttempt;
    private long backoff;

    public ListenChannel(Opener opener, Duration pollInterval, Duration maxBackoff, Runnable onReconnect) {
        this.opener = opener;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.onReconnect = onReconnect;
    }

    /** Opens the connection when it is down and its backoff has passed. */
    public void ensureOpen() {
        if (connection != null || System.nanoTime() < nextAttempt) {
            return;
        }
        if (open()) {
            backoff = 0;
        } else {
            backoff = Worker.nextBackoff(backoff, maxBackoff);
            nextAttempt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff);
        }
    }

    private boolean open() {
        Connection c = null;
        try {
            c = opener.open();
            c.setAutoCommit(true);
            c.unwrap(PGConnection.class);
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + Outbox.CHANNEL);
            }
            WakeLock.prepare(c);
            connection = c;
            if (connects.incrementAndGet() > 1) {
                LOG.info("realtime sync: LISTEN connection re-established");
                onReconnect.run();
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("realtime sync: cannot open the LISTEN connection ({}); polling meanwhile", e.getMessage());
            Worker.closeQuietly(c);
            return false;
        }
    }

    public boolean armed() {
        return armed;
    }

    /**
     * Before sleeping: takes the wake lock, so that writers notify from now on; returns once the
     * writers that skipped the NOTIFY have committed (true), or false without the lock.
     */
    public boolean arm() {
        Connection c = connection;
        if (c == null) {
            return false;
        }
        try {
            armed = WakeLock.arm(c);
            armWaited = !armed;
        } catch (SQLException e) {
            lost(e);
        }
        return armed;
    }

    /** On waking: releases the wake lock; writers stop notifying while this consumer drains. */
    public void disarm() {
        Connection c = connection;
        if (!armed || c == null) {
            return;
        }
        armed = false;
        try {
            WakeLock.disarm(c);
        } catch (SQLException e) {
            lost(e);
        }
    }

    /**
     * Sleeps until a notification, {@link #requestWake()}, the poll interval (armed, or when another
     * consumer sleeps with the lock) or a short unarmed poll, or until {@code running} turns false.
     * When arming just failed because writers kept transactions open, the arm's own wait (the lock
     * timeout) was the pause: a steady stream of writers is then drained again at once rather than
     * after a second pause, which would only add to its lag.
     */
    public void await(BooleanSupplier running) {
        Duration timeout = armed ? pollInterval : unarmedPoll();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running.getAsBoolean() && !wakeRequested) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                break;
            }
            int slice = (int) Math.min(left, 250);
            Connection c = connection;
            if (c == null) {
                Worker.sleep(slice);
                continue;
            }
            try {
                PGNotification[] n = c.unwrap(PGConnection.class).getNotifications(slice);
                if (n != null && n.length > 0) {
                    break;
                }
            } catch (SQLException e) {
                lost(e);
                break;
            }
        }
        wakeRequested = false;
    }

    private Duration unarmedPoll() {
        Connection c = connection;
        try {
            if (c != null && WakeLock.heldBySleeper(c)) {
                return pollInterval;
            }
            if (armWaited) {
                armWaited = false;
                return Duration.ZERO;
            }
        } catch (SQLException e) {
            lost(e);
        }
        return pollInterval.compareTo(UNARMED_POLL) < 0 ? pollInterval : UNARMED_POLL;
    }

    /** Asks the waiting consumer for a round now (as a NOTIFY would). */
    public void requestWake() {
        wakeRequested = true;
    }

    public boolean listening() {
        return connection != null;
    }

    /** Times the connection was reopened after the first. */
    public long reconnects() {
        return Math.max(0, connects.get() - 1);
    }

    private void lost(SQLException e) {
        LOG.warn("realtime sync: LISTEN connection lost ({}); reconnecting", e.getMessage());
        close();
    }

    public void close() {
        Connection c = connection;
        connection = null;
        armed = false;                              // a closed session holds no lock
        Worker.closeQuietly(c);
    }
}
