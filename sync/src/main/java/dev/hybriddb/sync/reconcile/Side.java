package dev.hybriddb.sync.reconcile;

/** One end of an edge. */
public enum Side {
    FROM,
    TO
}
