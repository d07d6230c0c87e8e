package dev.hybriddb.repository;

import dev.hybriddb.model.Project;
import dev.hybriddb.model.ProjectFields;
import java.util.List;
import java.util.UUID;

/**
 * Projects of the scope's tenant and the dependencies between them. Ecosystem and name are stored
 * lower-case: mixed-case input is refused with an {@link dev.hybriddb.InvalidInputException}.
 * {@link Project#dependencyCount()} is kept by the database as dependencies are added and removed.
 * {@link #search} looks in name and description.
 */
public interface ProjectRepository extends CrudRepository<Project, ProjectFields>, TextSearchable<Project> {
    /** Records that {@code projectId} depends on {@code dependsOnProjectId} (no self edges, no duplicates). */
    void addDependency(UUID projectId, UUID dependsOnProjectId);

    /** Removes that dependency; false when there was none. */
    boolean removeDependency(UUID projectId, UUID dependsOnProjectId);

    /** The projects {@code projectId} depends on directly. */
    List<UUID> dependencies(UUID projectId);
}
