package dev.hybriddb.model;

import java.time.OffsetDateTime;

/**
 * The events of one type logged in the last 24 hours (view {@code event_stats_24h}).
 *
 * @param type       the event type
 * @param eventCount how many
 * @param agentCount how many distinct agents logged them
 * @param swarmCount how many distinct swarms they concern
 * @param firstAt    the earliest of them
 * @param lastAt     the latest of them
 */
public record EventTypeStats(String type, long eventCount, long agentCount, long swarmCount, OffsetDateTime firstAt,
        OffsetDateTime lastAt) {}
