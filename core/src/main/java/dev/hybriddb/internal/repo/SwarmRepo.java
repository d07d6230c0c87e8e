package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.SWARMS;

import dev.hybriddb.jooq.tables.records.SwarmsRecord;
import dev.hybriddb.model.Swarm;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.SwarmFields;
import dev.hybriddb.model.SwarmSummary;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import dev.hybriddb.repository.SwarmRepository;

/** {@link SwarmRepository} on {@code swarms}. */
public final class SwarmRepo extends TenantTable<SwarmsRecord, Swarm, SwarmFields> implements SwarmRepository {
    private final ReportViews views;

    public SwarmRepo(Scope scope) {
        super(scope, SWARMS, SWARMS.ID, SWARMS.TENANT_ID, SWARMS.CREATED_AT, "swarm");
        this.views = new ReportViews(scope);
    }

    @Override
    public List<SwarmSummary> summaries(Page page) {
        return views.swarmSummaries(page);
    }

    @Override
    public Optional<SwarmSummary> summary(UUID swarmId) {
        return views.swarmSummary(swarmId);
    }

    @Override
    protected Swarm map(SwarmsRecord r) {
        return new Swarm(r.getId(), r.getTenantId(), r.getName(), r.getDescription(), r.getStatus(),
                Json.map(r.getConfig()), Json.map(r.getMetadata()), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(SwarmFields f) {
        Values.requireText("name", f.name());
    }

    @Override
    protected Values values(SwarmFields f) {
        return new Values().put(SWARMS.NAME, Values.optionalText("name", f.name()))
                .put(SWARMS.DESCRIPTION, f.description()).put(SWARMS.STATUS, f.status())
                .json(SWARMS.CONFIG, f.config()).json(SWARMS.METADATA, f.metadata());
    }
}
