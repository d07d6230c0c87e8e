package dev.hybriddb.bench.internal;

import java.util.Arrays;

/** Collects latencies in nanoseconds and answers percentiles in milliseconds. */
public final class Latencies {
    private long[] nanos = new long[1024];
    private int size;

    public synchronized void add(long nanoseconds) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = nanoseconds;
    }

    public synchronized int count() { return size; }

    /** The p-th percentile (0..100) in milliseconds, nearest rank; NaN when empty. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    /** Times {@code work} and records it. */
    public <T> T time(ThrowingSupplier<T> work) throws Exception {
        long t0 = System.nanoTime();
        T out = work.get();
        add(System.nanoTime() - t0);
        return out;
    }

    /** A supplier that may throw. */
    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
