package dev.hybriddb.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The switches as configuration, and the routing function behind READ_FROM_POSTGRES_PERCENT. */
class MigrationSettingsTest {
    @Test
    void readsTheSwitchesFromTheEnvironmentWithSafeDefaults() {
        assertThat(MigrationSettings.fromEnvironment(Map.of())).isEqualTo(MigrationSettings.legacyOnly());
        assertThat(MigrationSettings.fromEnvironment(Map.of("DUAL_WRITE_MODE", " TRUE ", "READ_FROM_POSTGRES_PERCENT", "10")))
                .isEqualTo(MigrationSettings.dualWrites(10));
        assertThat(MigrationSettings.fromEnvironment(Map.of("DUAL_WRITE_MODE", "false", "READ_FROM_POSTGRES_PERCENT", "100")))
                .isEqualTo(MigrationSettings.postgresOnly());
    }

    @Test
    void badValuesNameTheVariableAndTheValue() {
        for (Map<String, String> env : new Map[] {Map.of("DUAL_WRITE_MODE", "yes"), Map.of("READ_FROM_POSTGRES_PERCENT", "ten"),
                Map.of("DUAL_WRITE_MODE", "true", "READ_FROM_POSTGRES_PERCENT", "101"),
                Map.of("DUAL_WRITE_MODE", "true", "READ_FROM_POSTGRES_PERCENT", "-1"),
                Map.of("READ_FROM_POSTGRES_PERCENT", "50")}) {
            String variable = env.containsKey("READ_FROM_POSTGRES_PERCENT") ? "READ_FROM_POSTGRES_PERCENT" : "DUAL_WRITE_MODE";
            assertThatThrownBy(() -> MigrationSettings.fromEnvironment(env)).as(env.toString())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining(variable)
                    .hasMessageContaining(env.get(variable).trim());
        }
    }

    @Test
    void thePhasesWriteAndTrustTheRightStores() {
        assertThat(MigrationSettings.legacyOnly()).returns(true, MigrationSettings::writesLegacy)
                .returns(false, MigrationSettings::writesPostgres).returns(SourceOfTruth.LEGACY, MigrationSettings::primary);
        assertThat(MigrationSettings.dualWrites(50)).returns(true, MigrationSettings::writesLegacy)
                .returns(true, MigrationSettings::writesPostgres).returns(SourceOfTruth.LEGACY, MigrationSettings::primary);
        assertThat(MigrationSettings.dualWrites(100)).returns(true, MigrationSettings::writesLegacy)
                .returns(SourceOfTruth.POSTGRES, MigrationSettings::primary);
        assertThat(MigrationSettings.postgresOnly()).returns(false, MigrationSettings::writesLegacy)
                .returns(true, MigrationSettings::writesPostgres).returns(SourceOfTruth.POSTGRES, MigrationSettings::primary);
    }

    /** Over 10,000 keys the share routed to PostgreSQL is within one percentage point of every setting (0 to 100). */
    @Test
    void routingByKeyHashGivesTheConfiguredShareAndOnlyEverMovesKeysToPostgres() {
        Map<String, Integer> routedAt = new HashMap<>();
        for (int percent = 0; percent <= 100; percent++) {
            int toPostgres = 0;
            for (int i = 0; i < 10_000; i++) {
                String key = "task-" + i;
                if (ReadRouting.readsFromPostgres(key, percent)) {
                    toPostgres++;
                    routedAt.putIfAbsent(key, percent);
                } else {
                    assertThat(routedAt).as("%s went back to legacy at %d%%", key, percent).doesNotContainKey(key);
                }
            }
            assertThat(toPostgres / 100.0).as("share at %d%%", percent).isBetween(percent - 1.0, percent + 1.0);
        }
        assertThat(ReadRouting.bucket("task-1")).isEqualTo(ReadRouting.bucket(new String("task-1")));
        assertThat(ReadRouting.bucket("")).isBetween(0, 99);
        assertThat(ReadRouting.bucket("\u00e9\ud83d\ude00")).isBetween(0, 99);
    }
}
