package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A project (table {@code projects}); name unique per tenant and ecosystem, both lower-case.
 * {@code dependencyCount} is the number of projects this one depends on, maintained by the database.
 */
public record Project(UUID id, UUID tenantId, String ecosystem, String name, String description, ProjectStatus status,
        Map<String, Object> config, List<String> techStack, String repositoryUrl, String homepageUrl,
        String defaultBranch, int dependencyCount, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        OffsetDateTime archivedAt) {}
