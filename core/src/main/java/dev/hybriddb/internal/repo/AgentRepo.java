package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.AGENTS;

import dev.hybriddb.jooq.tables.records.AgentsRecord;
import dev.hybriddb.model.Agent;
import dev.hybriddb.model.AgentActivity;
import dev.hybriddb.model.AgentFields;
import dev.hybriddb.model.AgentStatus;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.Position;
import dev.hybriddb.model.SearchPage;
import dev.hybriddb.model.TextSearchRequest;
import dev.hybriddb.repository.AgentRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** {@link AgentRepository} on {@code agents}. */
public final class AgentRepo extends TenantTable<AgentsRecord, Agent, AgentFields> implements AgentRepository {
    private final ReportViews views;

    public AgentRepo(Scope scope) {
        super(scope, AGENTS, AGENTS.ID, AGENTS.TENANT_ID, AGENTS.CREATED_AT, "agent");
        this.views = new ReportViews(scope);
    }

    @Override
    public List<AgentActivity> activities(Page page) {
        return views.agentActivities(page);
    }

    @Override
    public Optional<AgentActivity> activity(UUID agentId) {
        return views.agentActivity(agentId);
    }

    @Override
    protected Agent map(AgentsRecord r) {
        return new Agent(r.getId(), r.getTenantId(), r.getSwarmId(), r.getName(), r.getRole(), r.getModel(), r.getTask(),
                r.getStatus(), r.getLifecycleState(), Values.list(r.getCapabilities()),
                new Position(r.getPosX(), r.getPosY(), r.getPosZ()), r.getManagerId(), r.getPausedBy(), r.getPausedAt(),
                Json.map(r.getConfig()), Json.map(r.getMetadata()), r.getStartedAt(), r.getCompletedAt(),
                r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(AgentFields f) {
        Values.requireText("name", f.name());
    }

    @Override
    protected Values values(AgentFields f) {
        Values v = new Values().put(AGENTS.SWARM_ID, f.swarmId()).put(AGENTS.NAME, Values.optionalText("name", f.name()))
                .put(AGENTS.ROLE, f.role()).put(AGENTS.MODEL, f.model()).put(AGENTS.TASK, f.task())
                .array(AGENTS.CAPABILITIES, f.capabilities()).put(AGENTS.MANAGER_ID, f.managerId())
                .json(AGENTS.CONFIG, f.config()).json(AGENTS.METADATA, f.metadata());
        if (f.position() != null) {
            v.put(AGENTS.POS_X, f.position().x()).put(AGENTS.POS_Y, f.position().y()).put(AGENTS.POS_Z, f.position().z());
        }
        return v;
    }

    @Override
    public Agent updateStatus(UUID id, AgentStatus status) {
        return patch(id, new Values().put(AGENTS.STATUS, Values.require("status", status)));
    }

    @Override
    public Agent pause(UUID id, String pausedBy) {
        return patch(id, new Values().put(AGENTS.STATUS, AgentStatus.PAUSED)
                .put(AGENTS.PAUSED_BY, Values.requireText("pausedBy", pausedBy)).expr(AGENTS.PAUSED_AT, DSL.currentOffsetDateTime()));
    }

    @Override
    public Agent resume(UUID id) {
        return patch(id, new Values().put(AGENTS.STATUS, AgentStatus.ACTIVE).clear(AGENTS.PAUSED_BY).clear(AGENTS.PAUSED_AT));
    }

    @Override
    public Agent updateLifecycleState(UUID id, String lifecycleState) {
        return patch(id, new Values().put(AGENTS.LIFECYCLE_STATE, Values.requireText("lifecycleState", lifecycleState)));
    }

    @Override
    public List<Agent> findBySwarm(UUID swarmId, Page page) {
        return where(AGENTS.SWARM_ID.eq(Values.require("swarmId", swarmId)), page);
    }

    @Override
    public List<Agent> findByManager(UUID managerId, Page page) {
        return where(AGENTS.MANAGER_ID.eq(Values.require("managerId", managerId)), page);
    }

    @Override
    protected List<Field<String>> searchColumns() {
        return List.of(AGENTS.NAME);
    }

    @Override
    public SearchPage<Agent> search(TextSearchRequest request) {
        return textSearch(request);
    }
}
