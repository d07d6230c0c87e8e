package dev.hybriddb.model;

import java.util.UUID;

/** Writable column fields; {@code boardId} and {@code name} are required to create. */
public record TaskStateFields(UUID boardId, String name, Integer position, String color, Integer wipLimit) {
    /** A column of a board at a position. */
    public static TaskStateFields of(UUID boardId, String name, int position) {
        return new TaskStateFields(boardId, name, position, null, null);
    }
}
