package dev.hybriddb.migrate;

import dev.hybriddb.ConfigurationException;
import java.util.Locale;
import java.util.Map;

/**
 * The two switches of a move onto PostgreSQL, named as deployments set them:
 * {@code DUAL_WRITE_MODE} (write both stores) and {@code READ_FROM_POSTGRES_PERCENT} (the share
 * of reads served by PostgreSQL, 0 to 100).
 *
 * <table>
 *   <caption>The phases</caption>
 *   <tr><th>DUAL_WRITE_MODE</th><th>READ_FROM_POSTGRES_PERCENT</th><th>writes</th><th>reads</th></tr>
 *   <tr><td>false</td><td>0</td><td>legacy</td><td>legacy</td></tr>
 *   <tr><td>true</td><td>0 to 99</td><td>legacy first, then PostgreSQL</td><td>that share from PostgreSQL, by key</td></tr>
 *   <tr><td>true</td><td>100</td><td>PostgreSQL first, then legacy</td><td>PostgreSQL</td></tr>
 *   <tr><td>false</td><td>100</td><td>PostgreSQL</td><td>PostgreSQL</td></tr>
 * </table>
 *
 * <p>Without dual writes the share must be 0 or 100: reads from a store that is not written would
 * be stale.
 *
 * @param dualWrite               write both stores
 * @param readFromPostgresPercent the share of reads served by PostgreSQL
 */
public record MigrationSettings(boolean dualWrite, int readFromPostgresPercent) {
    /** The environment variable of {@link #dualWrite()}. */
    public static final String DUAL_WRITE_MODE = "DUAL_WRITE_MODE";
    /** The environment variable of {@link #readFromPostgresPercent()}. */
    public static final String READ_FROM_POSTGRES_PERCENT = "READ_FROM_POSTGRES_PERCENT";

    public MigrationSettings {
        if (readFromPostgresPercent < 0 || readFromPostgresPercent > 100) {
            throw new ConfigurationException(READ_FROM_POSTGRES_PERCENT, readFromPostgresPercent, "must be between 0 and 100");
        }
        if (!dualWrite && readFromPostgresPercent != 0 && readFromPostgresPercent != 100) {
            throw new ConfigurationException(READ_FROM_POSTGRES_PERCENT, readFromPostgresPercent,
                    "must be 0 or 100 unless " + DUAL_WRITE_MODE + "=true (reads from a store that is not written would be stale)");
        }
    }

    /** Before the move, and after a rollback: only the legacy store. */
    public static MigrationSettings legacyOnly() {
        return new MigrationSettings(false, 0);
    }

    /** Dual writes with {@code percent} of reads from PostgreSQL. */
    public static MigrationSettings dualWrites(int percent) {
        return new MigrationSettings(true, percent);
    }

    /** After the cut-over: only PostgreSQL. */
    public static MigrationSettings postgresOnly() {
        return new MigrationSettings(false, 100);
    }

    /** From the process environment. */
    public static MigrationSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * From {@code env}: {@code DUAL_WRITE_MODE} ({@code true} or {@code false}, default false) and
     * {@code READ_FROM_POSTGRES_PERCENT} (an integer, default 0).
     */
    public static MigrationSettings fromEnvironment(Map<String, String> env) {
        String dual = env.getOrDefault(DUAL_WRITE_MODE, "false").trim().toLowerCase(Locale.ROOT);
        if (!dual.equals("true") && !dual.equals("false")) {
            throw new ConfigurationException(DUAL_WRITE_MODE, env.get(DUAL_WRITE_MODE), "must be true or false");
        }
        String percent = env.getOrDefault(READ_FROM_POSTGRES_PERCENT, "0").trim();
        int value;
        try {
            value = Integer.parseInt(percent);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(READ_FROM_POSTGRES_PERCENT, percent, "must be an integer between 0 and 100");
        }
        return new MigrationSettings(dual.equals("true"), value);
    }

    /** The store written first (a failure there fails the write): PostgreSQL once it serves every read. */
    public SourceOfTruth primary() {
        return readFromPostgresPercent == 100 ? SourceOfTruth.POSTGRES : SourceOfTruth.LEGACY;
    }

    /** Whether the legacy store is written. */
    public boolean writesLegacy() {
        return dualWrite || readFromPostgresPercent == 0;
    }

    /** Whether PostgreSQL is written. */
    public boolean writesPostgres() {
        return dualWrite || readFromPostgresPercent == 100;
    }
}
