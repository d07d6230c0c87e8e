package dev.hybriddb.model;

import java.time.OffsetDateTime;
import java.util.Map;

/** Event counts of the last {@code hours}: in total and per type (most frequent first). */
public record EventStats(int hours, long total, Map<String, Long> countsByType, OffsetDateTime firstAt,
        OffsetDateTime lastAt) {}
