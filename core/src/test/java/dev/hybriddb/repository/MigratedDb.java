package dev.hybriddb.repository;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.model.Tenant;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One migrated database per test run (migrating takes long), shared by the classes that use
 * {@code @ExtendWith(MigratedDb.Cleanup.class)} and dropped after the last of them.
 */
final class MigratedDb {
    static final byte[] KEY = "repository-it-key-0123456789abcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static PostgresService pg;

    private MigratedDb() {}

    static synchronized PostgresService pg() {
        if (pg == null) {
            PostgresService fresh = TestServices.freshDatabase("core_repo");
            Migrations.using(fresh.jdbcUrl(), fresh.adminUser(), fresh.adminPassword()).withAppRole(fresh.appUser()).update();
            pg = fresh;
        }
        return pg;
    }

    /** A HybridDB as the application role; the caller closes it. */
    static HybridDB open(int maxPoolSize) {
        PostgresService p = pg();
        HybridConfig cfg = HybridConfig.builder().url(p.jdbcUrl()).user(p.appUser()).password(p.appPassword())
                .migrationUser(p.adminUser()).migrationPassword(p.adminPassword()).encryptionKey(KEY)
                .minPoolSize(0).maxPoolSize(maxPoolSize).retryDelay(Duration.ofMillis(20)).poolName("repo-it").build();
        return HybridDB.builder().config(cfg).build();
    }

    /** Drops the shared database once all tests of the run are done. */
    static final class Cleanup implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(MigratedDb.class, k -> (ExtensionContext.Store.CloseableResource) MigratedDb::drop);
        }
    }

    private static synchronized void drop() {
        if (pg != null) {
            TestServices.dropDatabase(pg);
            pg = null;
        }
    }

    static Tenant newTenant(HybridDB db) {
        return db.createTenant(fields());
    }

    /** The fields of a new tenant with a unique slug. */
    static TenantFields fields() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        return TenantFields.of("Tenant " + slug, slug);
    }
}
