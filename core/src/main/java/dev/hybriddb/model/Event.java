package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** An entry of the event log (table {@code events}), e.g. type {@code agent.spawned}. */
public record Event(UUID id, UUID tenantId, String type, UUID swarmId, UUID agentId, Map<String, Object> payload,
        OffsetDateTime createdAt) {}
