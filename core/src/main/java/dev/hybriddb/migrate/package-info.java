/**
 * Moving an application's records from a legacy store onto HybridDB without downtime: dual writes
 * and a percentage read switch ({@link dev.hybriddb.migrate.MigrationSettings}, from
 * {@code DUAL_WRITE_MODE} and {@code READ_FROM_POSTGRES_PERCENT}), a consistency check with repair
 * from the chosen source of truth, the cut-over and the rollback
 * ({@link dev.hybriddb.migrate.Migration}). The application implements
 * {@link dev.hybriddb.migrate.MigrationStore} for both sides.
 */
package dev.hybriddb.migrate;
