package dev.hybriddb.sync;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.Database;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphLayout;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.spi.HybridDBPlugin;
import dev.hybriddb.spi.PluginContext;
import dev.hybriddb.sync.capture.WalCapture;
import dev.hybriddb.sync.internal.FacadeSync;
import dev.hybriddb.sync.projection.Projection;
import dev.hybriddb.sync.reconcile.Reconciler;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attaches the sync module to {@code HybridDB}: {@code db.sync()} with the default
 * {@link Projection} and the facade's graph layout. Found on the classpath by the builder; install
 * it explicitly only to use another projection.
 *
 * <p>With {@link SyncMode#MANUAL} the database's change capture is switched off (nothing
 * accumulates in the outbox); with {@link SyncMode#REALTIME} the outbox triggers are attached and
 * a {@link RealtimeSync} consumer starts; with {@link SyncMode#WAL_CAPTURE} the tables are
 * published to a logical replication slot, and a {@link WalCapture} plus a consumer start. Both
 * stop when the HybridDB closes. Without a requested mode the manual operations are available and
 * the capture is left as it is.
 */
public final class SyncPlugin implements HybridDBPlugin {
    private static final Logger LOG = LoggerFactory.getLogger(SyncPlugin.class);

    private final Projection projection;

    /** With the default projection. */
    public SyncPlugin() {
        this(Projection.defaults());
    }

    public SyncPlugin(Projection projection) {
        this.projection = Objects.requireNonNull(projection, "projection");
    }

    @Override
    public void install(PluginContext ctx) {
        Optional<GraphBackend> graph = ctx.graph();
        if (graph.isEmpty()) {
            return;                                  // db.sync() then says a graph backend is needed
        }
        GraphLayout layout = ctx.layout();
        PostgresSync manual = PostgresSync.builder(ctx.database(), graph.get()).projection(projection)
                .graphNames(layout.graphNames()).chunkSize(layout.chunkSize()).pageSize(layout.pageSize()).build();
        Reconciler reconciler = Reconciler.builder(ctx.database(), graph.get()).readDatabase(ctx.readDatabase()).projection(projection)
                .graphNames(layout.graphNames()).chunkSize(layout.chunkSize()).pageSize(layout.pageSize()).build();
        SyncMode mode = ctx.syncMode().orElse(SyncMode.MANUAL);
        Database owner = ctx.syncMode().isPresent() ? ctx.ownerDatabase() : null;
        RealtimeSync realtime = null;
        WalCapture capture = null;
        switch (mode) {
            case MANUAL -> { }
            case REALTIME -> realtime = consumer(ctx, owner, graph.get(), layout);
            case WAL_CAPTURE -> {
                capture = WalCapture.builder(owner, () -> ctx.openOwnerConnection(WalCapture.replicationProperties()))
                        .errorListener(ctx.syncErrorListener()).build();
                realtime = consumer(ctx, owner, graph.get(), layout);
                ctx.onClose(capture);
            }
            default -> throw new ConfigurationException("sync", mode, "is not a known sync mode");
        }
        if (realtime != null) {
            ctx.onClose(realtime);
        }
        if (owner != null) {
            Runnable activate = activation(mode, owner, realtime, capture);
            if (schemaReady(owner)) {
                activate.run();
            } else {
                LOG.info("HybridDB sync: the schema is not migrated yet; {} starts after db.migrate()", mode);
                ctx.onMigrated(activate);
            }
            ctx.provideService(SyncTelemetry.class, new SyncTelemetry(owner, capture));
        }
        ctx.provideSync(new FacadeSync(mode, manual, reconciler, realtime, capture, owner));
    }

    /** Switches the database's capture to {@code mode} and starts what runs in the background. */
    private static Runnable activation(SyncMode mode, Database owner, RealtimeSync realtime, WalCapture capture) {
        return () -> {
            switch (mode) {
                case MANUAL -> useCapture(owner, "manual");
                case REALTIME -> useCapture(owner, "triggers");
                case WAL_CAPTURE -> WalCapture.install(owner);
                default -> { }
            }
            if (capture != null) {
                capture.start();
            }
            if (realtime != null) {
                realtime.start();
            }
            LOG.info("HybridDB sync: mode {}", mode);
        };
    }

    private static boolean schemaReady(Database owner) {
        return owner.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT to_regprocedure('public.hybriddb_capture_use(text)') IS NOT NULL");
                 var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private RealtimeSync consumer(PluginContext ctx, Database owner, GraphBackend graph, GraphLayout layout) {
        return RealtimeSync.builder(owner, () -> ctx.openOwnerConnection(null), graph).projection(projection)
                .graphNames(layout.graphNames()).batchSize(layout.batchSize()).chunkSize(layout.chunkSize())
                .errorListener(ctx.syncErrorListener()).build();
    }

    private static void useCapture(Database owner, String mode) {
        owner.inTransaction(c -> {
            try (var ps = c.prepareStatement(
                    "SELECT public.hybriddb_capture_use(?) WHERE public.hybriddb_capture_mode() <> ?")) {
                ps.setString(1, mode);
                ps.setString(2, mode);
                ps.execute();
            }
            return null;
        });
    }

    @Override
    public String toString() {
        return "SyncPlugin[" + projection.getClass().getSimpleName() + "]";
    }

}
