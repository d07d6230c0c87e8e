package dev.hybriddb.schema;

import java.util.Objects;

/**
 * Identifies one Liquibase changeset: its id, author and the changelog path it comes from.
 *
 * @param id       the changeset id, e.g. {@code 0010-tenants}
 * @param author   the changeset author
 * @param path     the changelog file, relative to the classpath root
 */
public record ChangeSetRef(String id, String author, String path) {
    public ChangeSetRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
        return path + "::" + id + "::" + author;
    }
}
