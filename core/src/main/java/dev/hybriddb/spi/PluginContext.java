package dev.hybriddb.spi;

import dev.hybriddb.Database;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.TenantScope;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphLayout;
import dev.hybriddb.graph.GraphSync;
import dev.hybriddb.graph.SyncErrorListener;
import dev.hybriddb.graph.SyncMode;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Function;

/** What a {@link HybridDBPlugin} sees of the HybridDB being built, and how it attaches to it. */
public interface PluginContext {

    HybridConfig config();

    /** The application role's pooled database (row-level security applies). */
    Database database();

    /**
     * Where reads that tolerate replication lag go (searches, reconcile's reads): the read-only
     * replica given to {@code HybridDB.builder().readDataSource(...)}, else {@link #database()}.
     * Never write through it.
     */
    default Database readDatabase() {
        return database();
    }

    /**
     * The owner role's database, for work across tenants (the outbox, the tenant registry). Opened
     * on first use from the configured migration role, or the owner {@code DataSource} given to the
     * builder; a {@link dev.hybriddb.ConfigurationException} when neither was configured.
     */
    Database ownerDatabase();

    /**
     * A new connection of the owner role that is not taken from a pool (for LISTEN), with
     * {@code extra} JDBC properties such as {@code replication=database}. Needs the migration role's
     * credentials in the configuration.
     */
    Connection openOwnerConnection(java.util.Properties extra) throws java.sql.SQLException;

    Optional<GraphBackend> graph();

    GraphLayout layout();

    /** The sync mode the application asked for, if any. */
    Optional<SyncMode> syncMode();

    SyncErrorListener syncErrorListener();

    /** Makes {@code sync} the facade's {@code db.sync()}. */
    void provideSync(GraphSync sync);

    /**
     * Makes {@code factory(scope)} reachable as {@code scope.attach(type)} inside tenant work: the
     * object it returns works in that scope's transaction.
     */
    <E> void provideExtension(Class<E> type, Function<TenantScope, E> factory);

    /** Makes {@code service} reachable as {@code db.service(type)}. */
    <S> void provideService(Class<S> type, S service);

    /**
     * Runs {@code action} after the next successful {@code db.migrate()}: for setup that needs
     * HybridDB's schema when {@code build()} ran before the database was migrated.
     */
    void onMigrated(Runnable action);

    /** Closed by {@code db.close()}, in reverse order of registration, before the pool. */
    void onClose(AutoCloseable resource);
}
