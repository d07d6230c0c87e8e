package dev.hybriddb.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writable lesson fields; {@code title} and {@code content} are required to create; null means
 * default or unchanged. {@code confidence} is 0..1.
 */
public record LessonFields(UUID projectId, UUID taskId, UUID agentId, String title, String content, String category,
        List<String> tags, BigDecimal confidence, Map<String, Object> metadata) {
    /** A new lesson with a title, content and tags. */
    public static LessonFields of(String title, String content, List<String> tags) {
        return new LessonFields(null, null, null, title, content, null, tags, null, null);
    }

    /** The same fields linked to a project. */
    public LessonFields forProject(UUID project) {
        return new LessonFields(project, taskId, agentId, title, content, category, tags, confidence, metadata);
    }

    /** The same fields with a confidence (0..1). */
    public LessonFields withConfidence(BigDecimal value) {
        return new LessonFields(projectId, taskId, agentId, title, content, category, tags, value, metadata);
    }
}
