package dev.hybriddb.model;

import java.util.List;
import java.util.Map;

/** Writable project fields; {@code name} is required to create; null means default or unchanged. */
public record ProjectFields(String ecosystem, String name, String description, ProjectStatus status,
        Map<String, Object> config, List<String> techStack, String repositoryUrl, String homepageUrl,
        String defaultBranch) {
    /** A project with a name and description. */
    public static ProjectFields of(String name, String description) {
        return new ProjectFields(null, name, description, null, null, null, null, null, null);
    }
}
