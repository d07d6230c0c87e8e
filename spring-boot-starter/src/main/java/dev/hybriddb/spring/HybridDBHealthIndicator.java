package dev.hybriddb.spring;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.GraphHealth;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.graph.SyncStatus;
import dev.hybriddb.sync.SyncTelemetry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of a {@link HybridDB} (component {@code hybriddb} of {@code /actuator/health}):
 * <ul>
 *   <li>{@code postgresql}: a {@code SELECT 1} through the application role's pool;</li>
 *   <li>{@code graph}: the graph backend's own health check and where coordination answers come
 *       from ({@code GRAPH}, {@code SQL_FALLBACK}, {@code SQL_ONLY});</li>
 *   <li>{@code sync}: mode, whether the background consumer runs, outbox backlog, last lag, errors;</li>
 *   <li>{@code capture}: in WAL capture mode, whether the replication slot has a reader and the WAL it retains.</li>
 * </ul>
 * The status is DOWN when PostgreSQL does not answer, or when the real-time or WAL-capture
 * consumer that should run has stopped. An unreachable graph alone keeps it UP (with the graph's
 * detail DOWN): coordination queries then come from PostgreSQL and the sync retries, so the
 * application still works; alert on the detail or on {@code hybriddb.coordination.fallback}.
 */
public class HybridDBHealthIndicator extends AbstractHealthIndicator {
    private final HybridDB db;

    public HybridDBHealthIndicator(HybridDB db) {
        super("HybridDB health check failed");
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = postgres(builder);
        db.graph().ifPresentOrElse(g -> {
            GraphHealth h = g.health();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("status", h.up() ? "UP" : "DOWN");
            d.put("backend", g.name());
            d.put("latencyMs", h.latency().toMillis());
            d.put("coordination", db.coordinator().mode().name());
            if (!h.up()) {
                d.put("detail", h.detail());
            }
            builder.withDetail("graph", d);
        }, () -> builder.withDetail("graph", Map.of("status", "NONE", "coordination", db.coordinator().mode().name())));
        up &= sync(builder);
        capture(builder);
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }

    private boolean postgres(Health.Builder builder) {
        long start = System.nanoTime();
        try {
            db.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            });
            builder.withDetail("postgresql", Map.of("status", "UP", "latencyMs", (System.nanoTime() - start) / 1_000_000));
            return true;
        } catch (RuntimeException e) {
            builder.withDetail("postgresql", Map.of("status", "DOWN", "error", e.getClass().getSimpleName() + ": " + e.getMessage()));
            return false;
        }
    }

    private boolean sync(Health.Builder builder) {
        SyncStatus s;
        try {
            s = db.sync().status();
        } catch (ConfigurationException e) {
            return true;                                             // no graph or no sync module
        }
        boolean background = s.mode() == SyncMode.REALTIME || s.mode() == SyncMode.WAL_CAPTURE;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", background && !s.running() ? "DOWN" : "UP");
        d.put("mode", s.mode().name());
        d.put("running", s.running());
        d.put("backlog", s.backlog());
        d.put("lastLagMs", s.lastLag().toMillis());
        d.put("errors", s.errors());
        if (s.lastError() != null) {
            d.put("lastError", s.lastError());
        }
        builder.withDetail("sync", d);
        return !background || s.running();
    }

    private void capture(Health.Builder builder) {
        SyncTelemetry t;
        try {
            t = db.service(SyncTelemetry.class);
        } catch (ConfigurationException e) {
            return;
        }
        t.capture().ifPresent(capture -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("running", capture.isRunning());
            t.slot().ifPresentOrElse(slot -> {
                d.put("slotActive", slot.active());
                d.put("retainedWalBytes", slot.retainedBytes());
            }, () -> d.put("slot", "missing"));
            d.put("capturedRows", capture.capturedRows());
            builder.withDetail("capture", d);
        });
    }
}
