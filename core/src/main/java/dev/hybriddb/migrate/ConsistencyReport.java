package dev.hybriddb.migrate;

import java.util.List;

/**
 * How the two stores differ, key by key (keys sorted).
 *
 * @param legacyCount    records in the legacy store
 * @param postgresCount  records in PostgreSQL
 * @param onlyInLegacy   keys PostgreSQL lacks
 * @param onlyInPostgres keys the legacy store lacks
 * @param different      keys in both whose records differ
 */
public record ConsistencyReport(int legacyCount, int postgresCount, List<String> onlyInLegacy, List<String> onlyInPostgres,
        List<String> different) {
    public ConsistencyReport {
        onlyInLegacy = List.copyOf(onlyInLegacy);
        onlyInPostgres = List.copyOf(onlyInPostgres);
        different = List.copyOf(different);
    }

    /** True when both stores hold the same records. */
    public boolean consistent() {
        return onlyInLegacy.isEmpty() && onlyInPostgres.isEmpty() && different.isEmpty();
    }

    /** How many keys differ in any way. */
    public int differences() {
        return onlyInLegacy.size() + onlyInPostgres.size() + different.size();
    }
}
