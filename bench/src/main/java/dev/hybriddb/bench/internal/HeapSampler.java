package dev.hybriddb.bench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples used heap every few milliseconds on a daemon thread and keeps the peak. Call
 * {@link #close()} to stop and read {@link #peakMegabytes()}.
 */
public final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
        System.gc();
        peak = used();
        thread = new Thread(this::loop, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public static HeapSampler start() {
        return new HeapSampler();
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void loop() {
        while (running) {
            peak = Math.max(peak, used());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public double peakMegabytes() {
        return Math.max(peak, used()) / (1024.0 * 1024.0);
    }

    /** The configured maximum heap (-Xmx) in megabytes. */
    public static double maxMegabytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
