package dev.hybriddb.sync.internal;

import dev.hybriddb.Database;
import dev.hybriddb.graph.GraphSync;
import dev.hybriddb.graph.RebuildResult;
import dev.hybriddb.graph.ReconcileResult;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.graph.SyncResult;
import dev.hybriddb.graph.SyncStatus;
import dev.hybriddb.sync.PostgresSync;
import dev.hybriddb.sync.RealtimeSync;
import dev.hybriddb.sync.SyncMetrics;
import dev.hybriddb.sync.capture.WalCapture;
import dev.hybriddb.sync.internal.outbox.Outbox;
import dev.hybriddb.sync.reconcile.DriftReport;
import dev.hybriddb.sync.reconcile.Reconciler;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code HybridDB.sync()}: the manual sync, the reconciler and, in the real-time modes, the consumer. */
public final class FacadeSync implements GraphSync {
    private final SyncMode mode;
    private final PostgresSync manual;
    private final Reconciler reconciler;
    private final RealtimeSync realtime;
    private final WalCapture capture;
    private final Database owner;

    public FacadeSync(SyncMode mode, PostgresSync manual, Reconciler reconciler, RealtimeSync realtime,
                      WalCapture capture, Database owner) {
        this.mode = mode;
        this.manual = manual;
        this.reconciler = reconciler;
        this.realtime = realtime;
        this.capture = capture;
        this.owner = owner;
    }

    @Override
    public SyncMode mode() {
        return mode;
    }

    @Override
    public String graphOf(UUID tenantId) {
        return manual.graphOf(tenantId);
    }

    @Override
    public SyncResult sync(UUID tenantId, String table, Object key) {
        return manual.sync(tenantId, table, key);
    }

    @Override
    public SyncResult syncAll(UUID tenantId, String table, Collection<?> keys) {
        return manual.syncAll(tenantId, table, keys);
    }

    @Override
    public SyncResult syncTask(UUID tenantId, UUID taskId) {
        return manual.syncTask(tenantId, taskId);
    }

    @Override
    public RebuildResult syncWorkspace(UUID tenantId) {
        return manual.syncWorkspace(tenantId);
    }

    @Override
    public ReconcileResult reconcile(UUID tenantId) {
        return result(reconciler.check(tenantId), SyncResult.NONE);
    }

    @Override
    public ReconcileResult repair(UUID tenantId) {
        DriftReport report = reconciler.check(tenantId);
        return result(report, report.isClean() ? SyncResult.NONE : reconciler.repair(report));
    }

    private static ReconcileResult result(DriftReport r, SyncResult repaired) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        r.labels().stream().filter(l -> l.total() > 0).forEach(l -> byKind.put(l.label(), l.total()));
        r.edges().stream().filter(e -> e.total() > 0).forEach(e -> byKind.put(e.type().type(), e.total()));
        return new ReconcileResult(r.tenantId(), r.graph(), r.truncated() ? Math.max(1, r.total()) : r.total(), byKind, repaired);
    }

    @Override
    public SyncStatus status() {
        if (realtime == null) {
            return SyncStatus.idle(mode, owner == null ? -1 : backlog());
        }
        SyncMetrics m = realtime.metrics();
        long errors = m.errors() + (capture == null ? 0 : capture.errors());
        String lastError = m.lastError() != null ? m.lastError() : capture == null ? null : capture.lastError();
        return new SyncStatus(mode, m.running(), m.applied(), errors, m.graphRestarts(), m.backlog(), m.lastLag(),
                m.maxLag(), m.lastBatchAt(), lastError);
    }

    private long backlog() {
        try {
            return owner.inTransaction(Outbox::count);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public boolean awaitCaughtUp(Duration timeout) {
        if (realtime == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (capture != null && !capture.awaitCaughtUp(timeout)) {
            return false;
        }
        long upTo = owner.inTransaction(Outbox::lastId);
        realtime.wakeUp();
        while (owner.inTransaction(c -> Outbox.countUpTo(c, upTo)) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Worker.sleep(10);
        }
        return true;
    }
}
