package dev.hybriddb.migrate;

/**
 * What a repair changed in the store that was not the source of truth.
 *
 * @param from    the source of truth it copied from
 * @param written records written (missing or different there)
 * @param deleted records deleted (absent from the source of truth)
 */
public record RepairResult(SourceOfTruth from, int written, int deleted) {}
