package dev.hybriddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** migrate() runs as the owner, grants to the application role, and is idempotent. */
class HybridDBMigrateIT {
    private static PostgresService pg;

    @BeforeAll
    static void setUp() {
        pg = TestServices.freshDatabase("core_migrate");
    }

    @AfterAll
    static void tearDown() {
        if (pg != null) {
            TestServices.dropDatabase(pg);
        }
    }

    static HybridConfig appConfig(PostgresService pg) {
        return HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                .migrationUser(pg.adminUser()).migrationPassword(pg.adminPassword())
                .minPoolSize(0).maxPoolSize(4).build();
    }

    @Test
    void migratesAsOwnerThenRefusesOwnerAsApplicationRole() {
        try (HybridDB db = HybridDB.builder().config(appConfig(pg)).build()) {
            assertThat(db.migrationStatus().pendingCount()).isPositive();
            db.migrate();
            assertThat(db.migrationStatus().isUpToDate()).isTrue();
            int applied = db.migrationStatus().applied().size();
            db.migrate();
            assertThat(db.migrationStatus().applied()).hasSize(applied);
            Integer tenants = db.database().inTransaction(c -> db.database().dsl(c).fetchOne("select count(*) from tenants").get(0, Integer.class));
            assertThat(tenants).as("app role may read, RLS hides everything without a tenant").isZero();
        }
        HybridConfig owner = HybridConfig.builder().url(pg.jdbcUrl()).user(pg.adminUser()).password(pg.adminPassword())
                .minPoolSize(0).maxPoolSize(1).build();
        assertThatThrownBy(() -> HybridDB.builder().config(owner).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("HybridDB table(s)")
                .hasMessageContaining("agents");
    }
}
