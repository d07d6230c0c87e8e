package dev.hybriddb.migrate;

/** Which store a migration trusts: the one written first, and the one a repair copies from. */
public enum SourceOfTruth {
    /** The legacy store: before and during the read switch. */
    LEGACY,
    /** PostgreSQL: once every read comes from it. */
    POSTGRES
}
