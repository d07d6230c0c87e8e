package dev.hybriddb.schema;

import liquibase.changelog.IncludeAllFilter;

/** Includes the changelog files numbered below 1090 (see before-integrity-master.xml). */
public final class BeforeIntegrityChangesets implements IncludeAllFilter {
    @Override
    public boolean include(String changeLogPath) {
        String file = changeLogPath.substring(changeLogPath.lastIndexOf('/') + 1);
        return file.compareTo("1090") < 0;
    }
}
