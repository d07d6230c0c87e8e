package dev.hybriddb.examples.migration;

import static dev.hybriddb.jooq.Tables.AGENT_TASKS;

import dev.hybriddb.HybridDB;
import dev.hybriddb.migrate.MigrationStore;
import dev.hybriddb.model.AgentTaskStatus;
import dev.hybriddb.model.AgentTaskType;
import dev.hybriddb.jooq.tables.records.AgentTasksRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The new store: {@code agent_tasks} in PostgreSQL through jOOQ's DSL on HybridDB's generated
 * tables, in the tenant's transaction ({@code TenantScope.dsl()}), scoped to one tenant by RLS.
 * The typed alternative is {@code scope.agentTasks()}; this example keeps the DSL to show the
 * application's own queries running inside HybridDB's tenant scope.
 */
public final class PostgresAgentTaskStore implements MigrationStore<AgentTask> {
    private final HybridDB db;
    private final UUID tenant;

    public PostgresAgentTaskStore(HybridDB db, UUID tenant) {
        this.db = db;
        this.tenant = tenant;
    }

    // tag::upsert[]
    @Override
    public void write(AgentTask t) {
        db.useTenant(tenant, s -> {
            AgentTasksRecord r = s.dsl().newRecord(AGENT_TASKS);
            r.setId(t.id());
            r.setTenantId(tenant);
            r.setDirection(t.direction());
            r.setTaskType(AgentTaskType.fromLiteral(t.taskType()));
            r.setStatus(AgentTaskStatus.fromLiteral(t.status()));
            r.setModel(t.model());
            r.setCommand(t.command());
            r.setOutput(t.output());
            r.setProgressPct(t.progressPct());
            s.dsl().insertInto(AGENT_TASKS).set(r)
                    .onConflict(AGENT_TASKS.ID).doUpdate().set(r)   // idempotent: a replayed write is harmless
                    .execute();
        });
    }
    // end::upsert[]

    @Override
    public Optional<AgentTask> read(String id) {
        return db.withTenant(tenant, s -> {
            return s.dsl().selectFrom(AGENT_TASKS).where(AGENT_TASKS.ID.eq(id)).fetchOptional().map(PostgresAgentTaskStore::task);
        });
    }

    @Override
    public boolean delete(String id) {
        return db.withTenant(tenant, s -> s.dsl().deleteFrom(AGENT_TASKS).where(AGENT_TASKS.ID.eq(id)).execute() == 1);
    }

    @Override
    public List<AgentTask> readAll() {
        return db.withTenant(tenant, s -> {
            return s.dsl().selectFrom(AGENT_TASKS).orderBy(AGENT_TASKS.ID).fetch(PostgresAgentTaskStore::task);
        });
    }

    static AgentTask task(AgentTasksRecord r) {
        return new AgentTask(r.getId(), r.getDirection(), r.getTaskType().literal(), r.getStatus().literal(),
                r.getModel(), r.getCommand(), r.getOutput(), r.getProgressPct());
    }
}
