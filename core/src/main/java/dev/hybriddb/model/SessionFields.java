package dev.hybriddb.model;

import java.util.Map;
import java.util.UUID;

/** Writable session fields; all optional (defaults: empty tree, branch {@code main}). */
public record SessionFields(UUID swarmId, UUID agentId, Map<String, Object> treeData, String currentBranch,
        Map<String, Object> metadata) {
    /** A session with a tree and a branch. */
    public static SessionFields of(Map<String, Object> treeData, String currentBranch) {
        return new SessionFields(null, null, treeData, currentBranch, null);
    }
}
