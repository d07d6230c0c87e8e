package dev.hybriddb.vector;

/**
 * A memory returned by recall, with its counters as updated by that recall.
 *
 * @param memory     the memory
 * @param distance   cosine distance to the query
 * @param similarity cosine similarity (1 - distance)
 */
public record RecalledMemory(Memory memory, double distance, double similarity) {}
