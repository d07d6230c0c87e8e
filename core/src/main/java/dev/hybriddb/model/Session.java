package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A session tree (table {@code sessions}). */
public record Session(UUID id, UUID tenantId, UUID swarmId, UUID agentId, Map<String, Object> treeData,
        String currentBranch, Map<String, Object> metadata, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
