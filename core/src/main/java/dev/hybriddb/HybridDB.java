package dev.hybriddb;

import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.coordination.Coordinator;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.internal.ApiKeyCipher;
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
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: PostgreSQL (pooled, retried, tenant-scoped) plus an optional graph backend.
 *
 * <pre>{@code
 * try (HybridDB db = HybridDB.builder().config(HybridConfig.fromEnvironment()).build()) {
 *     db.migrate();
 *     Tenant t = db.createTenant(TenantFields.of("Acme", "acme"));
 *     Agent a = db.withTenant(t.id(), (TenantScope scope) -> scope.agents().create(
 *             AgentFields.of("Coder", AgentRole.coder, "kimi-k2.5", List.of("java"))));
 * }
 * }</pre>
 *
 * <p>{@link #builder()}{@code .build()} logs the configuration once (secrets masked), opens the
 * pool and refuses an application role that is superuser, has BYPASSRLS or owns HybridDB tables.
 * The HybridDB owns the graph backend given to it and closes it in {@link #close()}.
 */
public final class HybridDB implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HybridDB.class);

    private final HybridConfig config;
    private final HikariDataSource pool;
    private final Database database;
    private final GraphBackend graph;
    private final ApiKeyCipher cipher;
    private final Coordinator coordinator;

    private HybridDB(HybridConfig config, GraphBackend graph) {
        this.config = config;
        this.graph = graph;
        this.pool = Pools.open(config);
        this.database = Database.of(pool, config.retryPolicy(), config.statementTimeout());
        this.cipher = ApiKeyCipher.fromConfig(config);
        this.coordinator = Coordinator.of(database, graph);
    }

    /** A builder; {@link Builder#config} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Applies pending migrations as the migration (owner) role, granting to the application role,
     * then checks the application role again.
     */
    public void migrate() {
        migrations().update();
        RoleCheck.requireApplicationRole(database, config.user());
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
     * Runs {@code work} in one transaction scoped to {@code tenantId} and returns its result. On a
     * transient failure the whole work runs again in a fresh transaction, so keep it free of
     * outside side effects. For work without a result use {@link #useTenant(UUID, Consumer)}
     * (the names follow jdbi's {@code withHandle} / {@code useHandle}).
     */
    public <T> T withTenant(UUID tenantId, Function<TenantScope, T> work) {
        Objects.requireNonNull(work, "work");
        if (tenantId == null) {
            throw new InvalidInputException("tenantId", null, "must not be null");
        }
        Transactions.Exposure exposure = new Transactions.Exposure();
        return database.inTenant(tenantId, exposure, c -> work.apply(new TenantScope(tenantId, c, database, cipher, exposure)));
    }

    /** As {@link #withTenant(UUID, Function)} for work without a result. */
    public void useTenant(UUID tenantId, Consumer<TenantScope> work) {
        Objects.requireNonNull(work, "work");
        withTenant(tenantId, scope -> {
            work.accept(scope);
            return null;
        });
    }

    /** Creates a tenant with a new id (in its own tenant-scoped transaction) and returns it. */
    public Tenant createTenant(TenantFields fields) {
        UUID id = UUID.randomUUID();
        return database.inTenant(id, SdkWork.of(c -> new TenantRepo(new Scope(id, database.dsl(c))).create(fields)));
    }

    /** The pooled database (transactions, tenant scope, retry). */
    public Database database() {
        return database;
    }

    /** The graph backend, if one was configured. */
    public Optional<GraphBackend> graph() {
        return Optional.ofNullable(graph);
    }

    /**
     * Coordination queries (agent ranking, dependencies, PM overviews), built once on this
     * facade's database and graph backend: answered from the graph when one is configured and
     * reachable, from PostgreSQL otherwise ({@code SQL_ONLY} without a graph backend).
     */
    public Coordinator coordinator() {
        return coordinator;
    }

    /** The configuration in force. */
    public HybridConfig config() {
        return config;
    }

    /** Closes the graph backend (if any) and the pool. */
    @Override
    public void close() {
        try {
            if (graph != null) {
                graph.close();
            }
        } catch (Exception e) {
            LOG.warn("closing the graph backend failed: {}", e.toString());
        } finally {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "HybridDB[" + config.jdbcUrl() + ", graph=" + (graph == null ? "none" : graph.name()) + "]";
    }

    /** Assembles a {@link HybridDB}. */
    public static final class Builder {
        private HybridConfig config;
        private GraphBackend graph;

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

        /** Logs the masked configuration, opens the pool and checks the application role. */
        public HybridDB build() {
            if (config == null) {
                throw new ConfigurationException("config", null, "is required");
            }
            LOG.info("starting HybridDB with {}", config);
            HybridDB db = new HybridDB(config, graph);
            try {
                RoleCheck.requireApplicationRole(db.database, config.user());
            } catch (RuntimeException e) {
                db.pool.close();
                throw e;
            }
            return db;
        }
    }
}
