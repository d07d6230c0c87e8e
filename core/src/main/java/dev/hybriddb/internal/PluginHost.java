package dev.hybriddb.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.ConfigurationException;
import dev.hybriddb.Database;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.TenantScope;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphLayout;
import dev.hybriddb.graph.GraphSync;
import dev.hybriddb.graph.SyncErrorListener;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.spi.HybridDBPlugin;
import dev.hybriddb.spi.PluginContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plugins of one HybridDB: what they provide and what they opened. */
public final class PluginHost implements PluginContext {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final HybridConfig config;
    private final Database database;
    private final Database readDatabase;
    private final DataSource ownerDataSource;
    private final GraphBackend graph;
    private final GraphLayout layout;
    private final SyncMode syncMode;
    private final SyncErrorListener errorListener;
    private final Map<Class<?>, Function<TenantScope, ?>> extensions = new LinkedHashMap<>();
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private final List<Runnable> afterMigrate = new java.util.ArrayList<>();
    private GraphSync sync;
    private Database owner;
    private HikariDataSource ownerPool;

    public PluginHost(HybridConfig config, Database database, DataSource ownerDataSource, GraphBackend graph,
                      GraphLayout layout, SyncMode syncMode, SyncErrorListener errorListener) {
        this(config, database, database, ownerDataSource, graph, layout, syncMode, errorListener);
    }

    /** As above, with {@code readDatabase} for the reads that tolerate replication lag. */
    public PluginHost(HybridConfig config, Database database, Database readDatabase, DataSource ownerDataSource,
                      GraphBackend graph, GraphLayout layout, SyncMode syncMode, SyncErrorListener errorListener) {
        this.config = config;
        this.database = database;
        this.readDatabase = Objects.requireNonNull(readDatabase, "readDatabase");
        this.ownerDataSource = ownerDataSource;
        this.graph = graph;
        this.layout = layout;
        this.syncMode = syncMode;
        this.errorListener = errorListener;
    }

    /** Installs {@code explicit}, then every plugin on the classpath whose class is not among them. */
    public void installAll(List<HybridDBPlugin> explicit, boolean discover) {
        List<Class<?>> installed = new java.util.ArrayList<>();
        for (HybridDBPlugin p : explicit) {
            p.install(this);
            installed.add(p.getClass());
        }
        if (discover) {
            for (HybridDBPlugin p : ServiceLoader.load(HybridDBPlugin.class, PluginHost.class.getClassLoader())) {
                if (!installed.contains(p.getClass())) {
                    p.install(this);
                    installed.add(p.getClass());
                }
            }
        }
        LOG.debug("HybridDB plugins installed: {}", installed);
    }

    @Override
    public HybridConfig config() {
        return config;
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public Database readDatabase() {
        return readDatabase;
    }

    @Override
    public synchronized Database ownerDatabase() {
        if (owner == null) {
            if (ownerDataSource != null) {
                owner = Database.of(ownerDataSource, config.retryPolicy());
            } else if (config.hasMigrationUser()) {
                ownerPool = Pools.openOwner(config);
                owner = Database.of(ownerPool, config.retryPolicy());
            } else {
                throw new ConfigurationException("migrationUser (HYBRIDDB_MIGRATION_USER)", null,
                        "is required for work across tenants (real-time sync, WAL capture): configure the owner role"
                                + " or pass an owner DataSource to HybridDB.builder().ownerDataSource(...)");
            }
        }
        return owner;
    }

    @Override
    public Connection openOwnerConnection(Properties extra) throws SQLException {
        if (!config.hasMigrationUser()) {
            throw new ConfigurationException("migrationUser (HYBRIDDB_MIGRATION_USER)", null,
                    "is required for the dedicated LISTEN and replication connections of real-time sync");
        }
        Properties p = Pools.properties(config);
        p.setProperty("user", config.migrationUser());
        if (config.migrationPassword() != null) {
            p.setProperty("password", config.migrationPassword());
        }
        p.setProperty("ApplicationName", "hybriddb-sync");
        p.setProperty("tcpKeepAlive", "true");
        if (extra != null) {
            p.putAll(extra);
        }
        return DriverManager.getConnection(config.jdbcUrl(), p);
    }

    @Override
    public Optional<GraphBackend> graph() {
        return Optional.ofNullable(graph);
    }

    @Override
    public GraphLayout layout() {
        return layout;
    }

    @Override
    public Optional<SyncMode> syncMode() {
        return Optional.ofNullable(syncMode);
    }

    @Override
    public SyncErrorListener syncErrorListener() {
        return errorListener;
    }

    @Override
    public synchronized void provideSync(GraphSync sync) {
        if (this.sync != null) {
            throw new ConfigurationException("sync", sync.getClass().getName(), "a sync is already provided by "
                    + this.sync.getClass().getName());
        }
        this.sync = Objects.requireNonNull(sync, "sync");
    }

    @Override
    public synchronized <E> void provideExtension(Class<E> type, Function<TenantScope, E> factory) {
        extensions.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(factory, "factory"));
    }

    @Override
    public synchronized <S> void provideService(Class<S> type, S service) {
        services.put(Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(service, "service")));
    }

    @Override
    public synchronized void onMigrated(Runnable action) {
        afterMigrate.add(Objects.requireNonNull(action, "action"));
    }

    /** Runs (once) what plugins deferred until the schema exists. */
    public void migrated() {
        List<Runnable> actions;
        synchronized (this) {
            actions = List.copyOf(afterMigrate);
            afterMigrate.clear();
        }
        actions.forEach(Runnable::run);
    }

    @Override
    public synchronized void onClose(AutoCloseable resource) {
        closeables.push(Objects.requireNonNull(resource, "resource"));
    }

    /** The provided sync, or null. */
    public synchronized GraphSync sync() {
        return sync;
    }

    /** The factory for {@code type} inside tenant work, or null. */
    @SuppressWarnings("unchecked")
    public synchronized <E> Function<TenantScope, E> extension(Class<E> type) {
        return (Function<TenantScope, E>) extensions.get(type);
    }

    /** The service of {@code type}, or null. */
    public synchronized <S> S service(Class<S> type) {
        return type.cast(services.get(type));
    }

    /** Closes what the plugins registered (reverse order), then the owner pool; failures are logged. */
    public synchronized void close() {
        while (!closeables.isEmpty()) {
            AutoCloseable c = closeables.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
        if (ownerPool != null) {
            ownerPool.close();
        }
    }
}
