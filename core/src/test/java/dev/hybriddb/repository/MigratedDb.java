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

/** One migrated database per test JVM (migrating takes long), dropped when the JVM exits. */
final class MigratedDb {
    static final byte[] KEY = "repository-it-key-0123456789abcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static PostgresService pg;

    private MigratedDb() {}

    static synchronized PostgresService pg() {
        if (pg == null) {
            PostgresService fresh = TestServices.freshDatabase("core_repo");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestServices.dropDatabase(fresh)));
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

    static Tenant newTenant(HybridDB db) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        return db.createTenant(TenantFields.of("Tenant " + slug, slug));
    }
}
