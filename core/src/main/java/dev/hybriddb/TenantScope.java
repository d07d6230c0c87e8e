package dev.hybriddb;

import dev.hybriddb.internal.ApiKeyCipher;
import dev.hybriddb.internal.GuardedConnection;
import dev.hybriddb.internal.Transactions;
import dev.hybriddb.internal.PluginHost;
import dev.hybriddb.internal.repo.AgentExecutionRepo;
import dev.hybriddb.internal.repo.AgentRepo;
import dev.hybriddb.internal.repo.AgentTaskRepo;
import dev.hybriddb.internal.repo.ApiKeyRepo;
import dev.hybriddb.internal.repo.AppRepo;
import dev.hybriddb.internal.repo.AssetRepo;
import dev.hybriddb.internal.repo.AuditLogRepo;
import dev.hybriddb.internal.repo.BudgetRepo;
import dev.hybriddb.internal.repo.ContributionRepo;
import dev.hybriddb.internal.repo.ContributorRepo;
import dev.hybriddb.internal.repo.EventRepo;
import dev.hybriddb.internal.repo.GuestRepo;
import dev.hybriddb.internal.repo.KanbanBoardRepo;
import dev.hybriddb.internal.repo.LessonRepo;
import dev.hybriddb.internal.repo.ProjectRepo;
import dev.hybriddb.internal.repo.Scope;
import dev.hybriddb.internal.repo.SessionRepo;
import dev.hybriddb.internal.repo.SwarmRepo;
import dev.hybriddb.internal.repo.TaskDependencyRepo;
import dev.hybriddb.internal.repo.TaskRepo;
import dev.hybriddb.internal.repo.TaskStateRepo;
import dev.hybriddb.internal.repo.TeamRepo;
import dev.hybriddb.internal.repo.TenantRepo;
import dev.hybriddb.internal.repo.UserRepo;
import dev.hybriddb.repository.AgentExecutionRepository;
import dev.hybriddb.repository.AgentRepository;
import dev.hybriddb.repository.AgentTaskRepository;
import dev.hybriddb.repository.ApiKeyRepository;
import dev.hybriddb.repository.AppRepository;
import dev.hybriddb.repository.AssetRepository;
import dev.hybriddb.repository.AuditLogRepository;
import dev.hybriddb.repository.BudgetRepository;
import dev.hybriddb.repository.ContributionRepository;
import dev.hybriddb.repository.ContributorRepository;
import dev.hybriddb.repository.EventRepository;
import dev.hybriddb.repository.GuestRepository;
import dev.hybriddb.repository.KanbanBoardRepository;
import dev.hybriddb.repository.LessonRepository;
import dev.hybriddb.repository.ProjectRepository;
import dev.hybriddb.repository.SessionRepository;
import dev.hybriddb.repository.SwarmRepository;
import dev.hybriddb.repository.TaskDependencyRepository;
import dev.hybriddb.repository.TaskRepository;
import dev.hybriddb.repository.TaskStateRepository;
import dev.hybriddb.repository.TeamRepository;
import dev.hybriddb.repository.TenantRepository;
import dev.hybriddb.repository.UserRepository;
import java.sql.Connection;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * One tenant's transaction, handed to the work of {@link HybridDB#withTenant}: everything done
 * through it (its repositories, its connection, its jOOQ context) commits or rolls back together,
 * and row-level security shows and accepts only this tenant's rows. Valid only inside that work.
 *
 * <p>The work may run any SQL on {@link #connection()} or {@link #dsl()}, but it cannot commit,
 * roll back or close the connection, and nothing it leaves on the session (settings, temporary
 * tables, prepared statements, locks) survives the transaction: the connection is reset before it
 * returns to the pool.
 */
public final class TenantScope {
    private final TenantContext context;
    private final UUID tenantId;
    private final Connection connection;
    private final Database database;
    private final Scope scope;
    private final ApiKeyCipher cipher;
    private final Transactions.Exposure exposure;
    private final PluginHost plugins;
    private Connection guarded;
    private DSLContext guardedDsl;

    TenantScope(TenantContext context, Connection connection, Database database, ApiKeyCipher cipher,
                Transactions.Exposure exposure, PluginHost plugins) {
        this.context = context;
        this.tenantId = context.tenantId();
        this.connection = connection;
        this.database = database;
        this.scope = new Scope(tenantId, database.dsl(connection));
        this.cipher = cipher;
        this.exposure = exposure;
        this.plugins = plugins;
    }

    /**
     * A plugin module's view of this scope, working in this transaction: for example the vector
     * module's document store, so that a task and its memory commit together. A
     * {@link ConfigurationException} naming the type when no module on the classpath provides it.
     */
    public <E> E attach(Class<E> type) {
        Function<TenantScope, E> factory = plugins.extension(java.util.Objects.requireNonNull(type, "type"));
        if (factory == null) {
            throw new ConfigurationException("extension", type.getName(), "is not provided by any module on the classpath");
        }
        return factory.apply(this);
    }

    /** The scope's own tenant row: settings, quotas, usage, billing and lifecycle (suspend, reactivate). */
    public TenantRepository tenant() {
        return new TenantRepo(scope);
    }

    /** Swarms. */
    public SwarmRepository swarms() {
        return new SwarmRepo(scope);
    }

    /** Agents (status, pause/resume, lifecycle). */
    public AgentRepository agents() {
        return new AgentRepo(scope);
    }

    /** The event log. */
    public EventRepository events() {
        return new EventRepo(scope);
    }

    /** Session trees. */
    public SessionRepository sessions() {
        return new SessionRepo(scope);
    }

    /** Budgets (atomic consumption). */
    public BudgetRepository budgets() {
        return new BudgetRepo(scope);
    }

    /** API keys (encrypted; secrets only through {@code decrypt}). */
    public ApiKeyRepository apiKeys() {
        return new ApiKeyRepo(scope, cipher);
    }

    /** The tenant this transaction is scoped to. */
    public UUID tenantId() {
        return tenantId;
    }

    /** The user acting in this transaction, if the work was started with one ({@link TenantContext#asUser}). */
    public java.util.Optional<UUID> userId() {
        return context.userId();
    }

    /** The tenant and acting user of this transaction. */
    public TenantContext context() {
        return context;
    }

    /** Tasks (assignment, status, board column). */
    public TaskRepository tasks() {
        return new TaskRepo(scope);
    }

    /** Task dependencies (blocked by / blocking). */
    public TaskDependencyRepository taskDependencies() {
        return new TaskDependencyRepo(scope);
    }

    /** Users of the workspace. */
    public UserRepository users() {
        return new UserRepo(scope);
    }

    /** Guests of the workspace. */
    public GuestRepository guests() {
        return new GuestRepo(scope);
    }

    /** Teams and their members. */
    public TeamRepository teams() {
        return new TeamRepo(scope);
    }

    /** Apps. */
    public AppRepository apps() {
        return new AppRepo(scope);
    }

    /** Kanban boards. */
    public KanbanBoardRepository kanbanBoards() {
        return new KanbanBoardRepo(scope);
    }

    /** Board columns. */
    public TaskStateRepository taskStates() {
        return new TaskStateRepo(scope);
    }

    /** Projects and their dependencies. */
    public ProjectRepository projects() {
        return new ProjectRepo(scope);
    }

    /** Agent executions (runs of agents on tasks). */
    public AgentExecutionRepository agentExecutions() {
        return new AgentExecutionRepo(scope);
    }

    /** Lessons learned (applied counts, by project or tag). */
    public LessonRepository lessons() {
        return new LessonRepo(scope);
    }

    /** The audit log (append and read only). */
    public AuditLogRepository auditLogs() {
        return new AuditLogRepo(scope);
    }

    /** Contributors. */
    public ContributorRepository contributors() {
        return new ContributorRepo(scope);
    }

    /** Assets (total cost kept from their contributions). */
    public AssetRepository assets() {
        return new AssetRepo(scope);
    }

    /** Contributions of contributors to assets. */
    public ContributionRepository contributions() {
        return new ContributionRepo(scope);
    }

    /** Orchestrated agent tasks (progress, decisions, the attention queue). */
    public AgentTaskRepository agentTasks() {
        return new AgentTaskRepo(scope);
    }

    /**
     * The transaction's connection. Committing, rolling back (other than to a savepoint), closing
     * it or switching autocommit throws {@link java.sql.SQLException}.
     */
    public Connection connection() {
        if (guarded == null) {
            exposure.mark();
            guarded = GuardedConnection.wrap(connection);
        }
        return guarded;
    }

    /** A jOOQ context on the transaction's {@link #connection()}. */
    public DSLContext dsl() {
        if (guardedDsl == null) {
            guardedDsl = database.dsl(connection());
        }
        return guardedDsl;
    }

    @Override
    public String toString() {
        return "TenantScope[" + tenantId + context.userId().map(u -> ", user=" + u).orElse("") + "]";
    }
}
