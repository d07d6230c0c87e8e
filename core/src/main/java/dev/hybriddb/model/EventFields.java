package dev.hybriddb.model;

import java.util.Map;
import java.util.UUID;

/** Writable event fields; {@code type} is required to create. */
public record EventFields(String type, UUID swarmId, UUID agentId, Map<String, Object> payload) {
    /** An event of a type with a payload. */
    public static EventFields of(String type, Map<String, Object> payload) {
        return new EventFields(type, null, null, payload);
    }
}
