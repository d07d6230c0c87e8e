package dev.hybriddb.examples.migration;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The migration's phases 1 to 3 in one class: writes go to both stores (the legacy store first, it is
 * still the source of truth), reads come from PostgreSQL for {@code readFromPostgresPercent} of
 * calls, and after the cut-over only PostgreSQL is written and read. A failed PostgreSQL write
 * during dual writes is counted, not thrown: the consistency check finds and repairs it.
 */
public final class DualWriteAgentTaskStore implements AgentTaskStore {
    private final AgentTaskStore legacy;
    private final AgentTaskStore postgres;
    private volatile int readFromPostgresPercent;
    private volatile boolean cutOver;
    private final AtomicLong postgresWriteFailures = new AtomicLong();
    private final AtomicLong postgresReads = new AtomicLong();

    public DualWriteAgentTaskStore(AgentTaskStore legacy, AgentTaskStore postgres) {
        this.legacy = legacy;
        this.postgres = postgres;
    }

    // tag::dual-write[]
    @Override
    public void put(AgentTask task) {
        if (cutOver) {
            postgres.put(task);
            return;
        }
        legacy.put(task);                         // the trusted source until the cut-over
        try {
            postgres.put(task);
        } catch (RuntimeException e) {            // monitored; the consistency check repairs it
            postgresWriteFailures.incrementAndGet();
        }
    }

    @Override
    public Optional<AgentTask> get(String id) {
        if (cutOver || ThreadLocalRandom.current().nextInt(100) < readFromPostgresPercent) {
            postgresReads.incrementAndGet();
            return postgres.get(id);
        }
        return legacy.get(id);
    }
    // end::dual-write[]

    @Override
    public List<AgentTask> all() {
        return cutOver ? postgres.all() : legacy.all();
    }

    /** Phase 2: the share of reads served by PostgreSQL (READ_FROM_POSTGRES_PERCENT). */
    public void readFromPostgres(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100: " + percent);
        }
        readFromPostgresPercent = percent;
    }

    /** Phase 3: PostgreSQL becomes the primary; the legacy store is no longer written. */
    public void cutOver() {
        readFromPostgresPercent = 100;
        cutOver = true;
    }

    /** Rollback of phase 3: back to dual writes with reads from the legacy store. */
    public void rollBack() {
        cutOver = false;
        readFromPostgresPercent = 0;
    }

    public long postgresWriteFailures() { return postgresWriteFailures.get(); }

    public long postgresReads() { return postgresReads.get(); }
}
