package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A team (table {@code teams}), owned by a user. */
public record Team(UUID id, UUID tenantId, String name, String description, UUID ownerId, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
