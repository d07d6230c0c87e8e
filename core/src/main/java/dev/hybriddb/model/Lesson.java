package dev.hybriddb.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A lesson learned (table {@code lessons}). */
public record Lesson(UUID id, UUID tenantId, UUID projectId, UUID taskId, UUID agentId, String title, String content,
        String category, List<String> tags, BigDecimal confidence, int appliedCount, Map<String, Object> metadata,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
