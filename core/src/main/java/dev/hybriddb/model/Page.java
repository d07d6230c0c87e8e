package dev.hybriddb.model;

import dev.hybriddb.InvalidInputException;

/**
 * A page of a listing: at most {@code limit} rows (1 to 1000) after skipping {@code offset}.
 *
 * @param limit  rows per page, 1 to 1000
 * @param offset rows to skip, 0 or more
 */
public record Page(int limit, int offset) {
    /** The largest page size. */
    public static final int MAX_LIMIT = 1000;

    /** Validates the page. */
    public Page {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", limit, "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", offset, "must not be negative");
        }
    }

    /** The first {@code limit} rows. */
    public static Page first(int limit) {
        return new Page(limit, 0);
    }

    /** {@code limit} rows after {@code offset}. */
    public static Page of(int limit, int offset) {
        return new Page(limit, offset);
    }

    /** The page after this one. */
    public Page next() {
        return new Page(limit, offset + limit);
    }
}
