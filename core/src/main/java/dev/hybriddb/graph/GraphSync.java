package dev.hybriddb.graph;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * Keeps the graph in step with PostgreSQL, returned by {@code HybridDB.sync()}.
 *
 * <p>PostgreSQL is the source of truth: every call reads the current state of the rows it names
 * (under the tenant's row-level security) and writes it to the tenant's graph with idempotent,
 * batched statements, so repeating a call is harmless. A row that no longer exists is removed from
 * the graph. The manual calls work in every {@link SyncMode}; in {@code REALTIME} and
 * {@code WAL_CAPTURE} a background consumer also applies every committed change on its own, and
 * {@link #status()} reports on it.
 */
public interface GraphSync {

    /** The mode this instance was built with. */
    SyncMode mode();

    /** The graph that holds {@code tenantId}'s data. */
    String graphOf(UUID tenantId);

    /** Projects one row of a projected table, given its key (a UUID for single-key tables). */
    SyncResult sync(UUID tenantId, String table, Object key);

    /** Projects many rows of one table in batches. */
    SyncResult syncAll(UUID tenantId, String table, Collection<?> keys);

    /** Projects a task; the SDK's sync also refreshes the agents whose open task count the task moved. */
    default SyncResult syncTask(UUID tenantId, UUID taskId) {
        return sync(tenantId, "tasks", taskId);
    }

    default SyncResult syncAgent(UUID tenantId, UUID agentId) {
        return sync(tenantId, "agents", agentId);
    }

    default SyncResult syncProject(UUID tenantId, UUID projectId) {
        return sync(tenantId, "projects", projectId);
    }

    default SyncResult syncSwarm(UUID tenantId, UUID swarmId) {
        return sync(tenantId, "swarms", swarmId);
    }

    /**
     * Writes the tenant's whole workspace to its graph in batches (nodes, then edges), creating the
     * graph when needed; nodes and edges that PostgreSQL no longer has are removed.
     */
    RebuildResult syncWorkspace(UUID tenantId);

    /** Compares PostgreSQL and the tenant's graph label by label and edge type by edge type. */
    ReconcileResult reconcile(UUID tenantId);

    /** As {@link #reconcile(UUID)}, then repairs what drifted; the result tells what was written. */
    ReconcileResult repair(UUID tenantId);

    /** The state of the background consumer (idle and empty in {@code MANUAL} mode). */
    SyncStatus status();

    /**
     * Waits until the background consumer has applied every change committed before this call, or
     * {@code timeout} passes; true when it caught up. In {@code MANUAL} mode returns true at once.
     */
    boolean awaitCaughtUp(Duration timeout);
}
