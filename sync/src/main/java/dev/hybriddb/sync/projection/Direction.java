package dev.hybriddb.sync.projection;

/** Which way an edge derived from a foreign key points, seen from the row holding the key. */
public enum Direction {
    /** {@code (row)-[TYPE]->(referenced row)}, e.g. {@code (Task)-[BELONGS_TO]->(TaskState)}. */
    OUTGOING,
    /** {@code (referenced row)-[TYPE]->(row)}, e.g. {@code (Agent)-[ASSIGNED_TO]->(Task)}. */
    INCOMING
}
