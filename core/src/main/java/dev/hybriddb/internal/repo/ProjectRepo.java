package dev.hybriddb.internal.repo;

import static dev.hybriddb.jooq.Tables.PROJECTS;
import static dev.hybriddb.jooq.Tables.PROJECT_DEPENDENCIES;

import dev.hybriddb.InvalidInputException;
import dev.hybriddb.jooq.tables.records.ProjectsRecord;
import dev.hybriddb.model.Project;
import dev.hybriddb.model.ProjectFields;
import dev.hybriddb.model.SearchPage;
import dev.hybriddb.model.TextSearchRequest;
import dev.hybriddb.repository.ProjectRepository;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.Field;

/** {@link ProjectRepository} on {@code projects} and {@code project_dependencies}. */
public final class ProjectRepo extends TenantTable<ProjectsRecord, Project, ProjectFields> implements ProjectRepository {
    public ProjectRepo(Scope scope) {
        super(scope, PROJECTS, PROJECTS.ID, PROJECTS.TENANT_ID, PROJECTS.CREATED_AT, "project");
    }

    @Override
    protected Project map(ProjectsRecord r) {
        return new Project(r.getId(), r.getTenantId(), r.getEcosystem(), r.getName(), r.getDescription(), r.getStatus(),
                Json.map(r.getConfig()), Values.list(r.getTechStack()), r.getRepositoryUrl(), r.getHomepageUrl(),
                r.getDefaultBranch(), r.getDependencyCount(), r.getCreatedAt(), r.getUpdatedAt(), r.getArchivedAt());
    }

    @Override
    protected void validateNew(ProjectFields f) {
        Values.requireText("name", f.name());
    }

    /**
     * Ecosystem and name are stored lower-case (a CHECK in the schema): mixed-case input is refused,
     * naming the field and the value, rather than silently renamed.
     */
    private static String lowerCase(String field, String value) {
        String checked = Values.optionalText(field, value);
        if (checked != null && !checked.equals(checked.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, checked, "must be lower-case (e.g. '" + checked.toLowerCase(Locale.ROOT) + "')");
        }
        return checked;
    }

    @Override
    protected Values values(ProjectFields f) {
        return new Values().put(PROJECTS.ECOSYSTEM, lowerCase("ecosystem", f.ecosystem()))
                .put(PROJECTS.NAME, lowerCase("name", f.name())).put(PROJECTS.DESCRIPTION, f.description())
                .put(PROJECTS.STATUS, f.status()).json(PROJECTS.CONFIG, f.config()).array(PROJECTS.TECH_STACK, f.techStack())
                .put(PROJECTS.REPOSITORY_URL, f.repositoryUrl()).put(PROJECTS.HOMEPAGE_URL, f.homepageUrl())
                .put(PROJECTS.DEFAULT_BRANCH, Values.optionalText("defaultBranch", f.defaultBranch()));
    }

    @Override
    public void addDependency(UUID projectId, UUID dependsOnProjectId) {
        dsl.insertInto(PROJECT_DEPENDENCIES).set(new Values().put(PROJECT_DEPENDENCIES.TENANT_ID, tenantId)
                .put(PROJECT_DEPENDENCIES.FROM_PROJECT_ID, Values.require("projectId", projectId))
                .put(PROJECT_DEPENDENCIES.TO_PROJECT_ID, Values.require("dependsOnProjectId", dependsOnProjectId)).map())
                .execute();
    }

    @Override
    public boolean removeDependency(UUID projectId, UUID dependsOnProjectId) {
        return dsl.deleteFrom(PROJECT_DEPENDENCIES).where(PROJECT_DEPENDENCIES.TENANT_ID.eq(tenantId),
                PROJECT_DEPENDENCIES.FROM_PROJECT_ID.eq(Values.require("projectId", projectId)),
                PROJECT_DEPENDENCIES.TO_PROJECT_ID.eq(Values.require("dependsOnProjectId", dependsOnProjectId))).execute() == 1;
    }

    @Override
    public List<UUID> dependencies(UUID projectId) {
        return dsl.select(PROJECT_DEPENDENCIES.TO_PROJECT_ID).from(PROJECT_DEPENDENCIES)
                .where(PROJECT_DEPENDENCIES.TENANT_ID.eq(tenantId), PROJECT_DEPENDENCIES.FROM_PROJECT_ID.eq(Values.require("projectId", projectId)))
                .orderBy(PROJECT_DEPENDENCIES.CREATED_AT, PROJECT_DEPENDENCIES.ID).fetch(PROJECT_DEPENDENCIES.TO_PROJECT_ID);
    }

    @Override
    protected List<Field<String>> searchColumns() {
        return List.of(PROJECTS.NAME, PROJECTS.DESCRIPTION);
    }

    @Override
    public SearchPage<Project> search(TextSearchRequest request) {
        return textSearch(request);
    }
}
