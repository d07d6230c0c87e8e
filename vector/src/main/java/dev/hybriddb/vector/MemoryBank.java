package dev.hybriddb.vector;

import java.time.Instant;
import java.util.UUID;

/**
 * A named collection of an agent's (or a team's) memories.
 *
 * @param id          its id
 * @param tenantId    its tenant
 * @param name        unique within the tenant
 * @param description free text, or null
 * @param createdAt   when it was created
 */
public record MemoryBank(UUID id, UUID tenantId, String name, String description, Instant createdAt) {}
