package dev.hybriddb.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.model.AgentTask;
import dev.hybriddb.model.AgentTaskFields;
import dev.hybriddb.model.AgentTaskStatus;
import dev.hybriddb.model.AgentTaskType;
import dev.hybriddb.model.Page;
import dev.hybriddb.model.TenantFields;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A move from an in-memory store onto agent tasks in PostgreSQL through the
 * typed repository: backfill, dual writes, the read share, the consistency check and repair, the
 * cut-over and a rollback that loses nothing.
 */
class MigrationIT {
    static PostgresService pg;
    static HybridDB db;

    /** The application's record. */
    record Job(String id, String direction, String status, int progress) {
        Job progressed(String newStatus, int newProgress) {
            return new Job(id, direction, newStatus, newProgress);
        }
    }

    /** The legacy store: a map, as the application had it. */
    static final class MapStore implements MigrationStore<Job> {
        final Map<String, Job> map = new ConcurrentHashMap<>();

        @Override
        public Optional<Job> read(String key) {
            return Optional.ofNullable(map.get(key));
        }

        @Override
        public void write(Job value) {
            map.put(value.id(), value);
        }

        @Override
        public boolean delete(String key) {
            return map.remove(key) != null;
        }

        @Override
        public List<Job> readAll() {
            List<Job> out = new ArrayList<>(map.values());
            out.sort(Comparator.comparing(Job::id));
            return out;
        }
    }

    /** The new home: agent_tasks of one tenant, through the typed repository. */
    record AgentTaskStore(HybridDB db, UUID tenant) implements MigrationStore<Job> {
        @Override
        public Optional<Job> read(String key) {
            return db.withTenant(tenant, s -> s.agentTasks().findById(key).map(AgentTaskStore::job));
        }

        @Override
        public void write(Job j) {
            db.useTenant(tenant, s -> {
                Optional<AgentTask> existing = s.agentTasks().findById(j.id());
                if (existing.isPresent() && !existing.get().direction().equals(j.direction())) {
                    s.agentTasks().delete(j.id());
                    existing = Optional.empty();
                }
                if (existing.isEmpty()) {
                    s.agentTasks().create(AgentTaskFields.of(j.id(), j.direction(), AgentTaskType.IMPL, "m", "run"));
                }
                s.agentTasks().updateStatus(j.id(), AgentTaskStatus.fromLiteral(j.status()));
                s.agentTasks().updateProgress(j.id(), j.progress(), null);
            });
        }

        @Override
        public boolean delete(String key) {
            return db.withTenant(tenant, s -> s.agentTasks().delete(key));
        }

        @Override
        public List<Job> readAll() {
            return db.withTenant(tenant, s -> {
                List<Job> out = new ArrayList<>();
                for (AgentTaskStatus st : AgentTaskStatus.values()) {
                    for (Page p = Page.first(1000); ; p = p.next()) {
                        List<AgentTask> page = s.agentTasks().findByStatus(st, p);
                        page.forEach(t -> out.add(job(t)));
                        if (page.size() < p.limit()) {
                            break;
                        }
                    }
                }
                return out;
            });
        }

        static Job job(AgentTask t) {
            return new Job(t.id(), t.direction(), t.status().literal(), t.progressPct() == null ? 0 : t.progressPct());
        }
    }

    @BeforeAll
    static void setUp() {
        pg = TestServices.freshDatabase("core_migrate");
        db = HybridDB.builder().config(config()).build();
        db.migrate();
    }

    @AfterAll
    static void tearDown() {
        if (db != null) {
            db.close();
        }
        TestServices.dropDatabase(pg);
    }

    static HybridConfig config() {
        return HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                .migrationUser(pg.adminUser()).migrationPassword(pg.adminPassword()).minPoolSize(0).maxPoolSize(3).build();
    }

    static UUID tenant() {
        return db.createTenant(TenantFields.of("Migrating", "migrating-" + UUID.randomUUID())).id();
    }

    /** agent_tasks ids are unique across tenants: each test uses its own prefix. */
    static MapStore legacyWith(String prefix, int n) {
        MapStore legacy = new MapStore();
        for (int i = 0; i < n; i++) {
            legacy.write(new Job(String.format("%s-%04d", prefix, i), "direction " + i, "pending", 0));
        }
        return legacy;
    }

    @Test
    void backfillDualWritesCheckRepairCutOverAndRollBackWithNothingLost() {
        MapStore legacy = legacyWith("job", 60);
        AgentTaskStore postgres = new AgentTaskStore(db, tenant());
        Migration<Job> m = Migration.of(legacy, postgres, Job::id,
                MigrationSettings.fromEnvironment(Map.of("DUAL_WRITE_MODE", "true", "READ_FROM_POSTGRES_PERCENT", "0")));
        assertThat(m.backfill().written()).isEqualTo(60);
        assertThat(m.check().consistent()).isTrue();

        DualWriteStore<Job> store = m.store();
        for (int i = 0; i < 10; i++) {                                 // traffic through the dual writer
            store.write(store.read(String.format("job-%04d", i)).orElseThrow().progressed("running", 10 * i));
        }
        assertThat(postgres.read("job-0009")).contains(new Job("job-0009", "direction 9", "running", 90));
        legacy.write(legacy.read("job-0020").orElseThrow().progressed("failed", 30));   // a path that bypassed the dual writer
        postgres.delete("job-0021");                                                    // a row lost on the PostgreSQL side
        postgres.write(new Job("job-9999", "stray", "pending", 0));                     // a row only PostgreSQL has

        ConsistencyReport report = m.check();
        assertThat(report.different()).containsExactly("job-0020");
        assertThat(report.onlyInLegacy()).containsExactly("job-0021");
        assertThat(report.onlyInPostgres()).containsExactly("job-9999");
        assertThat(m.cutOver().consistent()).isFalse();
        assertThat(store.settings()).isEqualTo(MigrationSettings.dualWrites(0));          // not switched while they differ
        assertThat(m.repair(report, SourceOfTruth.LEGACY)).isEqualTo(new RepairResult(SourceOfTruth.LEGACY, 2, 1));
        assertThat(m.check().consistent()).isTrue();

        assertThat(m.cutOver().consistent()).isTrue();
        assertThat(store.settings()).isEqualTo(MigrationSettings.postgresOnly());
        store.write(new Job("job-0100", "written after the cut-over", "running", 5));
        store.write(store.read("job-0001").orElseThrow().progressed("completed", 100));
        assertThat(store.delete("job-0002")).isTrue();
        assertThat(legacy.read("job-0100")).isEmpty();                                   // the legacy store is no longer written
        assertThat(legacy.read("job-0002")).isPresent();

        assertThatThrownBy(() -> m.rollBack(MigrationSettings.dualWrites(10))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("READ_FROM_POSTGRES_PERCENT");
        RepairResult back = m.rollBack(MigrationSettings.legacyOnly());
        assertThat(back).isEqualTo(new RepairResult(SourceOfTruth.POSTGRES, 2, 1));
        assertThat(store.settings()).isEqualTo(MigrationSettings.legacyOnly());
        assertThat(store.read("job-0100")).contains(new Job("job-0100", "written after the cut-over", "running", 5));
        assertThat(store.read("job-0001")).get().extracting(Job::status).isEqualTo("completed");
        assertThat(store.read("job-0002")).isEmpty();
        assertThat(m.check().consistent()).isTrue();                                     // nothing lost either way
        store.write(new Job("job-0101", "after the rollback", "pending", 0));
        assertThat(postgres.read("job-0101")).isEmpty();                                 // legacy only again
    }

    @Test
    void tenThousandReadsFollowTheConfiguredShare() {
        MapStore legacy = legacyWith("job", 10_000);
        AgentTaskStore postgres = new AgentTaskStore(db, tenant());
        Migration<Job> m = Migration.of(legacy, postgres, Job::id, MigrationSettings.dualWrites(30));
        for (int i = 0; i < 10_000; i++) {
            String key = String.format("job-%04d", i);
            Optional<Job> read = m.store().read(key);
            // PostgreSQL holds none of them yet: where each read went shows in what it returned
            assertThat(read.isEmpty()).as(key).isEqualTo(ReadRouting.readsFromPostgres(key, 30));
        }
        MigrationStats stats = m.store().stats();
        assertThat(stats.legacyReads() + stats.postgresReads()).isEqualTo(10_000);
        assertThat(stats.postgresShare()).isBetween(0.29, 0.31);
        assertThat(stats.fallbackReads()).isZero();
    }

    @Test
    void failuresOfTheSecondStoreAreCountedAndRepairedAndOfThePrimaryThrown() {
        MapStore legacy = legacyWith("fail", 5);
        UUID tenant = tenant();
        HybridDB closed = HybridDB.builder().config(config()).build();
        closed.close();                                                   // PostgreSQL unreachable for this store
        Migration<Job> m = Migration.of(legacy, new AgentTaskStore(closed, tenant), Job::id, MigrationSettings.dualWrites(100));
        Job job = new Job("fail-0000", "direction 0", "running", 50);
        assertThatThrownBy(() -> m.store().write(job)).isInstanceOf(RuntimeException.class);   // PostgreSQL is primary at 100%
        assertThat(legacy.read("fail-0000")).get().extracting(Job::status).isEqualTo("pending"); // nothing written behind it

        m.store().apply(MigrationSettings.dualWrites(99));                // legacy primary again
        m.store().write(job);
        assertThat(m.store().stats().secondaryWriteFailures()).isEqualTo(1);
        assertThat(legacy.read("fail-0000")).contains(job);
        int fallbacks = 0;
        for (int i = 0; i < 5; i++) {
            String key = String.format("fail-%04d", i);
            assertThat(m.store().read(key)).isEqualTo(legacy.read(key));  // routed to PostgreSQL or not, legacy serves
            fallbacks += ReadRouting.readsFromPostgres(key, 99) ? 1 : 0;
        }
        assertThat(m.store().stats().fallbackReads()).isEqualTo(fallbacks).isPositive();

        Migration<Job> repaired = Migration.of(legacy, new AgentTaskStore(db, tenant), Job::id, MigrationSettings.dualWrites(99));
        assertThat(repaired.check().onlyInLegacy()).hasSize(5);
        repaired.repair(repaired.check(), SourceOfTruth.LEGACY);
        assertThat(repaired.check().consistent()).isTrue();
    }
}
