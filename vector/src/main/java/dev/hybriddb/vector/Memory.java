package dev.hybriddb.vector;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored memory.
 *
 * @param id           its id
 * @param bankId       its memory bank
 * @param content      its text
 * @param metadata     its metadata
 * @param importance   its importance
 * @param accessCount  how many times recall returned it
 * @param lastAccessed when recall last returned it, or null
 * @param createdAt    when it was remembered
 */
public record Memory(UUID id, UUID bankId, String content, Map<String, Object> metadata, int importance,
        int accessCount, Instant lastAccessed, Instant createdAt) {}
