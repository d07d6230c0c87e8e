package dev.hybriddb.model;

import java.util.UUID;

/** Writable board fields; {@code name} is required to create. */
public record KanbanBoardFields(String name, String description, UUID userId, UUID teamId, UUID appId) {
    /** A board with a name, owned by a user. */
    public static KanbanBoardFields of(String name, UUID userId) {
        return new KanbanBoardFields(name, null, userId, null, null);
    }
}
