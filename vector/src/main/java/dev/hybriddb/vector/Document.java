package dev.hybriddb.vector;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored document. Like every record with an array component, {@code equals} compares the
 * embedding by reference: compare ids (or {@link java.util.Arrays#equals(float[], float[])}).
 *
 * @param id        its id
 * @param tenantId  its tenant
 * @param title     its title, or null when it has none
 * @param content   its text
 * @param metadata  its metadata (unmodifiable)
 * @param embedding its embedding, or null when the read did not load it (search results)
 * @param createdAt when it was added
 * @param updatedAt when it was last changed
 */
public record Document(UUID id, UUID tenantId, String title, String content, Map<String, Object> metadata, float[] embedding,
        Instant createdAt, Instant updatedAt) {}
