package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.APPS;

import dev.hybriddb.jooq.tables.records.AppsRecord;
import dev.hybriddb.model.App;
import dev.hybriddb.model.AppFields;
import dev.hybriddb.repository.AppRepository;

/** {@link AppRepository} on {@code apps}. */
public final class AppRepo extends TenantTable<AppsRecord, App, AppFields> implements AppRepository {
    public AppRepo(Scope scope) {
        super(scope, APPS, APPS.ID, APPS.TENANT_ID, APPS.CREATED_AT, "app");
    }

    @Override
    protected App map(AppsRecord r) {
        return new App(r.getId(), r.getTenantId(), r.getName(), r.getDescription(), r.getUserId(), r.getTeamId(),
                Json.map(r.getMetadata()), r.getCreatedAt(), r.getUpdatedAt());
    }

    @Override
    protected void validateNew(AppFields f) {
        Values.requireText("name", f.name());
    }

    @Override
    protected Values values(AppFields f) {
        return new Values().put(APPS.NAME, Values.optionalText("name", f.name())).put(APPS.DESCRIPTION, f.description())
                .put(APPS.USER_ID, f.userId()).put(APPS.TEAM_ID, f.teamId()).json(APPS.METADATA, f.metadata());
    }
}
