package dev.hybriddb.repository;

import dev.hybriddb.model.Session;
import dev.hybriddb.model.SessionFields;
import java.util.Map;
import java.util.UUID;

/** Session trees of the scope's tenant. */
public interface SessionRepository extends CrudRepository<Session, SessionFields> {
    /** Replaces the tree and, when {@code branch} is not null, the current branch. */
    Session updateTreeData(UUID id, Map<String, Object> treeData, String branch);

    /** Merges {@code metadata} into the stored metadata (jsonb {@code ||}: top-level keys replaced). */
    Session mergeMetadata(UUID id, Map<String, Object> metadata);
}
