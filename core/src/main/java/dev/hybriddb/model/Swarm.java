package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A swarm of agents (table {@code swarms}). */
public record Swarm(UUID id, UUID tenantId, String name, String description, SwarmStatus status,
        Map<String, Object> config, Map<String, Object> metadata, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
