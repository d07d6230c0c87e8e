package dev.hybriddb.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a database stands relative to the changelog: the changesets already applied (in the order
 * they ran) and those still pending (in the order they would run). Immutable.
 *
 * @param applied changesets recorded in the database's changelog table
 * @param pending changesets of the changelog that have not run yet
 * @param lastTag the most recent tag in the database, if any
 */
public record MigrationStatus(List<ChangeSetRef> applied, List<ChangeSetRef> pending, Optional<String> lastTag) {
    public MigrationStatus {
        applied = List.copyOf(Objects.requireNonNull(applied, "applied"));
        pending = List.copyOf(Objects.requireNonNull(pending, "pending"));
        Objects.requireNonNull(lastTag, "lastTag");
    }

    /** True when no changeset is pending. */
    public boolean isUpToDate() {
        return pending.isEmpty();
    }

    /** Number of pending changesets. */
    public int pendingCount() {
        return pending.size();
    }
}
