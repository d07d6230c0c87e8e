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

    /** The same fields with {@code projectId} set to {@code v}. */
    public LessonFields withProjectId(UUID v) {
        return new LessonFields(v, taskId, agentId, title, content, category, tags, confidence, metadata);
    }

    /** The same fields with {@code taskId} set to {@code v}. */
    public LessonFields withTaskId(UUID v) {
        return new LessonFields(projectId, v, agentId, title, content, category, tags, confidence, metadata);
    }

    /** The same fields with {@code agentId} set to {@code v}. */
    public LessonFields withAgentId(UUID v) {
        return new LessonFields(projectId, taskId, v, title, content, category, tags, confidence, metadata);
    }

    /** The same fields with {@code title} set to {@code v}. */
    public LessonFields withTitle(String v) {
        return new LessonFields(projectId, taskId, agentId, v, content, category, tags, confidence, metadata);
    }

    /** The same fields with {@code content} set to {@code v}. */
    public LessonFields withContent(String v) {
        return new LessonFields(projectId, taskId, agentId, title, v, category, tags, confidence, metadata);
    }

    /** The same fields with {@code category} set to {@code v}. */
    public LessonFields withCategory(String v) {
        return new LessonFields(projectId, taskId, agentId, title, content, v, tags, confidence, metadata);
    }

    /** The same fields with {@code tags} set to {@code v}. */
    public LessonFields withTags(List<String> v) {
        return new LessonFields(projectId, taskId, agentId, title, content, category, v, confidence, metadata);
    }

    /** The same fields with {@code metadata} set to {@code v}. */
    public LessonFields withMetadata(Map<String, Object> v) {
        return new LessonFields(projectId, taskId, agentId, title, content, category, tags, confidence, v);
    }
}
