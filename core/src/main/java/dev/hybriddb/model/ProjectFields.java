package dev.hybriddb.model;

import java.util.List;
import java.util.Map;

/**
 * Writable project fields; {@code name} is required to create; null means default or unchanged.
 * {@code ecosystem} and {@code name} must be lower-case.
 */
public record ProjectFields(String ecosystem, String name, String description, ProjectStatus status,
        Map<String, Object> config, List<String> techStack, String repositoryUrl, String homepageUrl,
        String defaultBranch) {
    /** A project with a name and description. */
    public static ProjectFields of(String name, String description) {
        return new ProjectFields(null, name, description, null, null, null, null, null, null);
    }

    /** The same fields with {@code ecosystem} set to {@code v}. */
    public ProjectFields withEcosystem(String v) {
        return new ProjectFields(v, name, description, status, config, techStack, repositoryUrl, homepageUrl, defaultBranch);
    }

    /** The same fields with {@code name} set to {@code v}. */
    public ProjectFields withName(String v) {
        return new ProjectFields(ecosystem, v, description, status, config, techStack, repositoryUrl, homepageUrl, defaultBranch);
    }

    /** The same fields with {@code description} set to {@code v}. */
    public ProjectFields withDescription(String v) {
        return new ProjectFields(ecosystem, name, v, status, config, techStack, repositoryUrl, homepageUrl, defaultBranch);
    }

    /** The same fields with {@code status} set to {@code v}. */
    public ProjectFields withStatus(ProjectStatus v) {
        return new ProjectFields(ecosystem, name, description, v, config, techStack, repositoryUrl, homepageUrl, defaultBranch);
    }

    /** The same fields with {@code config} set to {@code v}. */
    public ProjectFields withConfig(Map<String, Object> v) {
        return new ProjectFields(ecosystem, name, description, status, v, techStack, repositoryUrl, homepageUrl, defaultBranch);
    }

    /** The same fields with {@code techStack} set to {@code v}. */
    public ProjectFields withTechStack(List<String> v) {
        return new ProjectFields(ecosystem, name, description, status, config, v, repositoryUrl, homepageUrl, defaultBranch);
    }

    /** The same fields with {@code repositoryUrl} set to {@code v}. */
    public ProjectFields withRepositoryUrl(String v) {
        return new ProjectFields(ecosystem, name, description, status, config, techStack, v, homepageUrl, defaultBranch);
    }

    /** The same fields with {@code homepageUrl} set to {@code v}. */
    public ProjectFields withHomepageUrl(String v) {
        return new ProjectFields(ecosystem, name, description, status, config, techStack, repositoryUrl, v, defaultBranch);
    }

    /** The same fields with {@code defaultBranch} set to {@code v}. */
    public ProjectFields withDefaultBranch(String v) {
        return new ProjectFields(ecosystem, name, description, status, config, techStack, repositoryUrl, homepageUrl, v);
    }
}
