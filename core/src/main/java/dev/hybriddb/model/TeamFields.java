package dev.hybriddb.model;

import java.util.UUID;

/** Writable team fields; {@code name} is required to create. */
public record TeamFields(String name, String description, UUID ownerId) {
    /** A team with a name and an owner. */
    public static TeamFields of(String name, UUID ownerId) {
        return new TeamFields(name, null, ownerId);
    }
}
