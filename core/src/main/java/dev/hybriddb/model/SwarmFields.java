package dev.hybriddb.model;

import java.util.Map;

/** Writable swarm fields; {@code name} is required to create; null means default or unchanged. */
public record SwarmFields(String name, String description, SwarmStatus status, Map<String, Object> config,
        Map<String, Object> metadata) {
    /** A new swarm with a name and config. */
    public static SwarmFields of(String name, Map<String, Object> config) {
        return new SwarmFields(name, null, null, config, null);
    }

    /** Only a status change. */
    public static SwarmFields status(SwarmStatus status) {
        return new SwarmFields(null, null, status, null, null);
    }
}
