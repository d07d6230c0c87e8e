package dev.hybriddb.sync.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The background thread of RealtimeSync and WalCapture: started once, asked to stop by clearing
 * {@link #running()}, which the loop checks; plus the quiet helpers both loops use.
 */
public final class Worker {
    private static final AtomicLong THREADS = new AtomicLong();

    private final String name;
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private Thread thread;

    public Worker(String name) {
        this.name = name;
    }

    /** Starts {@code loop} on a daemon thread; false (and nothing started) when it already runs. */
    public boolean start(Runnable loop) {
        synchronized (lifecycle) {
            if (running) {
                return false;
            }
            running = true;
            thread = new Thread(loop, name + "-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
            return true;
        }
    }

    /** Asks the loop to stop; returns its thread to join, or null when it was not running. */
    public Thread requestStop() {
        synchronized (lifecycle) {
            if (!running) {
                return null;
            }
            running = false;
            return thread;
        }
    }

    public boolean running() {
        return running;
    }

    /** Doubles a retry delay from 100 ms up to {@code max}. */
    public static long nextBackoff(long currentMillis, Duration max) {
        long next = currentMillis == 0 ? 100 : currentMillis * 2;
        return Math.min(next, max.toMillis());
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }
}
