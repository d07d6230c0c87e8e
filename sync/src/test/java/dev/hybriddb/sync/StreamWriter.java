package dev.hybriddb.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stream of committed writes into several tenants, on a thread of the test's JVM: each step
 * inserts a task (with dependencies and executions) per tenant, deletes a dependency, and sets the
 * title of one of the tenant's "counter" tasks to the next value of a counter that only rises
 * ({@link #title(long)}), so that a graph showing a smaller value than it showed before has
 * applied an older change after a newer one. Counts what it committed.
 */
final class StreamWriter {
    static final int COUNTERS_PER_TENANT = 3;

    final AtomicInteger steps = new AtomicInteger();
    final AtomicInteger tasksInserted = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Workspace> tenants;
    private final Map<UUID, List<UUID>> counters = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final long pauseMillis;
    private Thread thread;

    StreamWriter(List<Workspace> tenants, long pauseMillis) {
        this.tenants = tenants;
        this.pauseMillis = pauseMillis;
        for (Workspace w : tenants) {
            counters.put(w.tenant, new ArrayList<>(w.tasks.subList(0, COUNTERS_PER_TENANT)));
        }
    }

    /** The title that encodes counter value {@code n}; string order is number order. */
    static String title(long n) {
        return String.format(Locale.ROOT, "seq-%012d", n);
    }

    static long value(String title) {
        return title != null && title.startsWith("seq-") ? Long.parseLong(title.substring(4)) : -1;
    }

    /** The counter tasks of a tenant. */
    List<UUID> counters(UUID tenant) {
        return counters.get(tenant);
    }

    void start() {
        running.set(true);
        thread = new Thread(() -> {
            while (running.get()) {
                try {
                    step();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
                sleep(pauseMillis);
            }
        }, "stream-writer");
        thread.start();
    }

    void stop() throws InterruptedException {
        running.set(false);
        if (thread != null) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a write to PostgreSQL failed", failure.get());
        }
    }

    void step() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (Workspace w : tenants) {
            w.addTasks(1);
            tasksInserted.incrementAndGet();
            List<UUID> c = counters.get(w.tenant);
            w.exec("UPDATE tasks SET title = ? WHERE id = ?", title(sequence.incrementAndGet()), c.get(r.nextInt(c.size())));
            if (w.taskDependencies.size() > 2) {
                w.exec("DELETE FROM task_dependencies WHERE id = ?", w.taskDependencies.remove(r.nextInt(w.taskDependencies.size())));
            }
        }
        steps.incrementAndGet();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
