package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's membership in a team (table {@code team_members}). */
public record TeamMember(UUID teamId, UUID userId, String role, OffsetDateTime joinedAt) {}
