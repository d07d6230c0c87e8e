package dev.hybriddb.sync;

/** One end of an edge. */
public enum Side {
    FROM,
    TO
}
