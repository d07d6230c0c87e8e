package dev.hybriddb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.coordination.Coordinator;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphLayout;
import dev.hybriddb.graph.GraphSync;
import dev.hybriddb.graph.SyncErrorListener;
import dev.hybriddb.graph.SyncMode;
import dev.hybriddb.internal.ApiKeyCipher;
import dev.hybriddb.internal.GraphRoleCheck;
import dev.hybriddb.internal.PluginHost;
import dev.hybriddb.internal.Pools;
import dev.hybriddb.internal.RoleCheck;
import dev.hybriddb.internal.SdkWork;
import dev.hybriddb.internal.Transactions;
import dev.hybriddb.internal.repo.Scope;
import dev.hybriddb.internal.repo.TenantRepo;
import dev.hybriddb.model.Tenant;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.schema.MigrationStatus;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.spi.HybridDBPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: PostgreSQL (pooled, retried, tenant-scoped) plus an optional graph backend.
 *
 * <pre>{@code
 * try (HybridDB db = HybridDB.builder()
 *         .config(HybridConfig.fromEnvironment())
 *         .graph(FalkorGraph.connect(falkorConfig))
 *         .sync(SyncMode.REALTIME)
 *         .build()) {
 *     Tenant t = db.createTenant(TenantFields.of("Acme", "acme"));
 *     Agent a = db.withTenant(t.id(), scope -> scope.agents().create(...));   // projected by the sync
 *     Optional<AgentAssignment> best = db.coordinator().findOptimalAgentForTask(t.id(), taskId);
 * }
 * }</pre>
 *
 * <p>{@link #builder()}{@code .build()} logs the configuration once (secrets masked), opens the
 * pool (or takes the application's {@code DataSource}), refuses an application role that is
 * superuser, has BYPASSRLS or owns HybridDB tables (or, with an Apache AGE graph, may use AGE's
 * catalog), and installs the plugins of the modules on the
 * classpath: with {@code hybriddb-sync}, {@link #sync()} keeps the graph in step, and a real-time
 * or WAL-capture sync starts here and stops in {@link #close()}. The graph layout (graph names,
 * chunk sizes) is set once on the builder and shared by the sync and the coordinator. The HybridDB
 * owns the graph backend given to it and closes it in {@link #close()}.
 */
public final class HybridDB implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HybridDB.class);
    private static final String SYNC_ARTIFACT = "dev.hybriddb:hybriddb-sync";

    private final HybridConfig config;
    private final HikariDataSource pool;
    private final HikariDataSource readPool;
    private final Database database;
    private final Database readDatabase;
    private final GraphBackend graph;
    private final GraphLayout layout;
    private final ApiKeyCipher cipher;
    private final Coordinator coordinator;
    private final PluginHost plugins;

    private HybridDB(Builder b) {
        this.config = b.config;
        this.graph = b.graph;
        this.layout = b.layout;
        this.pool = b.dataSource == null ? Pools.open(config, b.poolCustomizer) : null;
        this.database = Database.of(pool != null ? pool : b.dataSource, config.retryPolicy(), config.statementTimeout());
        this.readPool = b.readDataSource == null ? openReadPool(config, pool) : null;
        DataSource read = b.readDataSource != null ? b.readDataSource : readPool;
        this.readDatabase = read == null ? database : Database.of(read, config.retryPolicy(), config.statementTimeout());
        this.cipher = ApiKeyCipher.fromConfig(config);
        this.coordinator = Coordinator.builder(database).readDatabase(readDatabase).graph(graph)
                .graphNames(layout.graphNames()).build();
        this.plugins = new PluginHost(config, database, readDatabase, b.ownerDataSource, graph, layout,
                b.syncMode != null ? b.syncMode : config.syncMode().orElse(null), b.errorListener);
    }

    /** The pool on {@link HybridConfig#readUrl()}, if any; a failure closes {@code pool} first. */
    private static HikariDataSource openReadPool(HybridConfig config, HikariDataSource pool) {
        try {
            return Pools.openRead(config);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw e;
        }
    }

    /** A builder; {@link Builder#config} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Applies pending migrations as the migration (owner) role, granting to the application role,
     * then checks the application role again and completes what plugins deferred until the schema
     * existed (a real-time sync built before the first migration starts here).
     */
    public void migrate() {
        migrations().update();
        RoleCheck.requireApplicationRole(database, config.user());
        plugins.migrated();
    }

    /** The applied and pending migrations, read as the migration role. */
    public MigrationStatus migrationStatus() {
        return migrations().status();
    }

    private Migrations migrations() {
        Migrations m = Migrations.using(Pools.urlWithProperties(config), config.migrationUser(),
                Objects.requireNonNullElse(config.migrationPassword(), ""));
        return config.hasMigrationUser() ? m.withAppRole(config.user()) : m;
    }

    /**
     * Runs {@code work} in one transaction scoped to {@code tenantId} and returns its result: it
     * commits when the work returns and rolls back when it throws, and the checked exception
     * {@code X} reaches the caller as it was thrown. On a transient database failure the whole work
     * runs again in a fresh transaction, so keep it free of outside side effects. For work without
     * a result use {@link #useTenant(UUID, TenantConsumer)} (the names follow jdbi's
     * {@code withHandle} / {@code useHandle}); to name the acting user, pass a
     * {@link TenantContext} to {@link #withContext(TenantContext, TenantCallback)} instead.
     */
    public <T, X extends Exception> T withTenant(UUID tenantId, TenantCallback<T, X> work) throws X {
        Objects.requireNonNull(work, "work");
        return withContext(TenantContext.of(tenantId), work);
    }

    /**
     * As {@link #withTenant(UUID, TenantCallback)}, with the context's acting user on the
     * transaction: the audit log entries it writes name that user, and policies and triggers read
     * it with {@code hybriddb_current_user()}.
     */
    public <T, X extends Exception> T withContext(TenantContext context, TenantCallback<T, X> work) throws X {
        Objects.requireNonNull(work, "work");
        if (context == null) {
            throw new InvalidInputException("context", null, "must not be null");
        }
        Transactions.Exposure exposure = new Transactions.Exposure();
        try {
            return database.inContext(context, exposure, c -> {
                TenantScope scope = new TenantScope(context, c, database, cipher, exposure, plugins);
                try {
                    return work.withTenant(scope);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFromWork(e);
                }
            });
        } catch (CheckedFromWork e) {
            @SuppressWarnings("unchecked")
            X x = (X) e.getCause();
            throw x;
        }
    }

    /** As {@link #withTenant(UUID, TenantCallback)} for work without a result. */
    public <X extends Exception> void useTenant(UUID tenantId, TenantConsumer<X> work) throws X {
        Objects.requireNonNull(work, "work");
        useContext(TenantContext.of(tenantId), work);
    }

    /** As {@link #withContext(TenantContext, TenantCallback)} for work without a result. */
    public <X extends Exception> void useContext(TenantContext context, TenantConsumer<X> work) throws X {
        Objects.requireNonNull(work, "work");
        withContext(context, scope -> {
            work.useTenant(scope);
            return null;
        });
    }

    /**
     * Creates a tenant with a new id (in its own tenant-scoped transaction) and returns it. Unset
     * fields take the database defaults: plan {@code FREE}, status {@code PENDING}, and the plan's
     * default quotas for every quota not given.
     */
    public Tenant createTenant(TenantFields fields) {
        return createTenant(fields, null);
    }

    /** As {@link #createTenant(TenantFields)}, audited as done by {@code actingUserId} (null: the system). */
    public Tenant createTenant(TenantFields fields, UUID actingUserId) {
        UUID id = UUID.randomUUID();
        TenantContext context = actingUserId == null ? TenantContext.of(id) : TenantContext.of(id).asUser(actingUserId);
        return database.inContext(context, SdkWork.of(c -> new TenantRepo(new Scope(id, database.dsl(c))).create(fields)));
    }

    /** The pooled database (transactions, tenant scope, retry). */
    public Database database() {
        return database;
    }

    /**
     * Where reads that tolerate replication lag go: the {@link Builder#readDataSource read data
     * source} when one was given, else the pool on {@link HybridConfig#readUrl()} when configured,
     * else {@link #database()}. Read-only work only.
     */
    public Database readDatabase() {
        return readDatabase;
    }

    /** The graph backend, if one was configured. */
    public Optional<GraphBackend> graph() {
        return Optional.ofNullable(graph);
    }

    /** Where tenant data lands in the graph; shared by the sync and the coordinator. */
    public GraphLayout layout() {
        return layout;
    }

    /**
     * Coordination queries (agent ranking, dependencies, PM overviews), built once on this
     * facade's database, graph backend and layout: answered from the graph when one is configured
     * and reachable, from PostgreSQL otherwise ({@code SQL_ONLY} without a graph backend).
     */
    public Coordinator coordinator() {
        return coordinator;
    }

    /**
     * Keeps the graph in step with PostgreSQL: manual sync of one entity, many or a workspace,
     * reconcile and repair, and the state of the real-time sync. Provided by the
     * {@code hybriddb-sync} module; a {@link ConfigurationException} without it or without a graph.
     */
    public GraphSync sync() {
        GraphSync s = plugins.sync();
        if (s == null) {
            throw new ConfigurationException("sync", null, graph == null
                    ? "needs a graph backend: pass one to HybridDB.builder().graph(...)"
                    : "needs the artifact " + SYNC_ARTIFACT + " on the classpath");
        }
        return s;
    }

    /**
     * A service a plugin module provides (for example the vector module's stores), or a
     * {@link ConfigurationException} naming the type when no module on the classpath provides it.
     */
    public <S> S service(Class<S> type) {
        S s = plugins.service(Objects.requireNonNull(type, "type"));
        if (s == null) {
            throw new ConfigurationException("service", type.getName(), "is not provided by any module on the classpath");
        }
        return s;
    }

    /** The configuration in force. */
    public HybridConfig config() {
        return config;
    }

    /** Stops what the plugins started (the real-time sync first), then closes the graph backend and the pool. */
    @Override
    public void close() {
        try {
            plugins.close();
            if (graph != null) {
                graph.close();
            }
        } catch (Exception e) {
            LOG.warn("closing the graph backend failed: {}", e.toString());
        } finally {
            if (readPool != null) {
                readPool.close();
            }
            if (pool != null) {
                pool.close();
            }
        }
    }

    @Override
    public String toString() {
        return "HybridDB[" + config.jdbcUrl() + ", graph=" + (graph == null ? "none" : graph.name()) + "]";
    }

    /** Carries a checked exception of tenant work through the transaction runner. */
    private static final class CheckedFromWork extends HybridDBException {
        private static final long serialVersionUID = 1L;

        CheckedFromWork(Exception cause) {
            super("checked exception from tenant work", cause);
        }
    }

    /** Assembles a {@link HybridDB}. */
    public static final class Builder {
        private HybridConfig config;
        private GraphBackend graph;
        private GraphLayout layout = GraphLayout.defaults();
        private SyncMode syncMode;
        private SyncErrorListener errorListener = SyncErrorListener.none();
        private DataSource dataSource;
        private DataSource ownerDataSource;
        private DataSource readDataSource;
        private Consumer<HikariConfig> poolCustomizer = hc -> { };
        private final List<HybridDBPlugin> plugins = new ArrayList<>();
        private boolean discoverPlugins = true;

        private Builder() {}

        /** The configuration (required). */
        public Builder config(HybridConfig config) {
            this.config = config;
            return this;
        }

        /** The graph backend (optional; coordination queries fall back to SQL without one). */
        public Builder graph(GraphBackend graph) {
            this.graph = graph;
            return this;
        }

        /** Graph names and batch sizes, shared by the sync and the coordinator (default {@link GraphLayout#defaults()}). */
        public Builder layout(GraphLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * How the graph follows PostgreSQL (overrides {@code HYBRIDDB_SYNC_MODE}); needs the
         * {@code hybriddb-sync} module and a graph. {@code REALTIME} and {@code WAL_CAPTURE} start a
         * background consumer in {@link #build()} that {@link HybridDB#close()} stops; they need the
         * owner (migration) role in the configuration, or an {@link #ownerDataSource(DataSource)}.
         */
        public Builder sync(SyncMode mode) {
            this.syncMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Told about every failure of the background sync (which retries them); default: none besides the log. */
        public Builder syncErrorListener(SyncErrorListener listener) {
            this.errorListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The application's own {@code DataSource} of the application role, instead of the built-in
         * pool; the same role checks apply, and {@link HybridDB#close()} leaves it open.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Adjusts the built-in HikariCP pool of the application role before it opens, after the
         * configuration's settings are applied: typically a metrics tracker, for example
         * {@code hc -> hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry))}
         * (which {@code HybridDBMetrics.poolMetrics(registry)} in {@code hybriddb-micrometer} returns).
         * Not used when the application gives its own {@link #dataSource(DataSource)}.
         */
        public Builder poolCustomizer(Consumer<HikariConfig> customizer) {
            this.poolCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * A read-only {@code DataSource} (a streaming replica, connecting as the application role)
         * for reads that tolerate replication lag: document searches of the vector module, the
         * coordinator's answers from PostgreSQL while the graph is unreachable or absent, and
         * reconcile's reads of PostgreSQL. They may miss commits of the last moments (the
         * replica's replay lag); everything else, and every write, stays on the primary. Off by
         * default; {@link HybridDB#close()} leaves it open. The same role checks apply to it.
         * {@link HybridConfig#readUrl()} opens such a pool instead; this one wins over it.
         */
        public Builder readDataSource(DataSource readDataSource) {
            this.readDataSource = Objects.requireNonNull(readDataSource, "readDataSource");
            return this;
        }

        /** A {@code DataSource} of the owner role, for work across tenants (the real-time consumer). */
        public Builder ownerDataSource(DataSource ownerDataSource) {
            this.ownerDataSource = Objects.requireNonNull(ownerDataSource, "ownerDataSource");
            return this;
        }

        /** Installs a plugin explicitly (plugins on the classpath are found anyway, see {@link #discoverPlugins(boolean)}). */
        public Builder installPlugin(HybridDBPlugin plugin) {
            plugins.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        /** Whether plugins on the classpath are installed through {@link java.util.ServiceLoader} (default true). */
        public Builder discoverPlugins(boolean discover) {
            this.discoverPlugins = discover;
            return this;
        }

        /**
         * Logs the masked configuration, opens the pool, checks the application role and installs
         * the plugins (starting a real-time sync); on any failure closes what it opened.
         */
        public HybridDB build() {
            if (config == null) {
                throw new ConfigurationException("config", null, "is required");
            }
            LOG.info("starting HybridDB with {}", config);
            HybridDB db = new HybridDB(this);
            try {
                RoleCheck.requireApplicationRole(db.database, config.user());
                if (db.readDatabase != db.database) {
                    RoleCheck.requireApplicationRole(db.readDatabase, config.user() + " (read data source)");
                }
                GraphRoleCheck.requireGraphClosedToApplication(db.database, config.user(), graph);
                db.plugins.installAll(plugins, discoverPlugins);
                SyncMode mode = syncMode != null ? syncMode : config.syncMode().orElse(null);
                if (mode != null && db.plugins.sync() == null) {
                    throw new ConfigurationException("sync", mode, graph == null
                            ? "needs a graph backend: pass one to HybridDB.builder().graph(...)"
                            : "needs the artifact " + SYNC_ARTIFACT + " on the classpath");
                }
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        }
    }
}
