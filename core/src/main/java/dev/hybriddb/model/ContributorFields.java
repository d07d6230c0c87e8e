package dev.hybriddb.model;

import java.util.Map;

/** Writable contributor fields; {@code name} is required to create; null means default or unchanged. */
public record ContributorFields(String name, String email, String githubUsername, String walletAddress,
        Map<String, Object> metadata) {
    /** A new contributor with a name and e-mail. */
    public static ContributorFields of(String name, String email) {
        return new ContributorFields(name, email, null, null, null);
    }
}
