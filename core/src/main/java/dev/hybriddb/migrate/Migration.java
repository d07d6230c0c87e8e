package dev.hybriddb.migrate;

import dev.hybriddb.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moving one kind of record from a legacy store onto PostgreSQL without downtime: backfill, dual
 * writes, reads shifted by percentage, a consistency check with repair, the cut-over, and a
 * rollback that loses nothing.
 *
 * <p>The application implements {@link MigrationStore} twice (its legacy store, and the same
 * records through HybridDB's repositories), routes its traffic through {@link #store()}, and moves
 * the switches ({@link MigrationSettings}) from configuration or with {@link #store()}'s
 * {@code apply}. Records are compared with {@code equals} unless another equivalence is given.
 */
public final class Migration<V> {
    private static final Logger LOG = LoggerFactory.getLogger(Migration.class);

    private final MigrationStore<V> legacy;
    private final MigrationStore<V> postgres;
    private final Function<V, String> keyOf;
    private final BiPredicate<V, V> sameContent;
    private final DualWriteStore<V> store;

    private Migration(MigrationStore<V> legacy, MigrationStore<V> postgres, Function<V, String> keyOf,
            BiPredicate<V, V> sameContent, DualWriteStore<V> store) {
        this.legacy = legacy;
        this.postgres = postgres;
        this.keyOf = keyOf;
        this.sameContent = sameContent;
        this.store = store;
    }

    /** A migration of the records of {@code legacy} (keyed by {@code keyOf}) onto {@code postgres}, starting at {@code settings}. */
    public static <V> Migration<V> of(MigrationStore<V> legacy, MigrationStore<V> postgres, Function<V, String> keyOf,
            MigrationSettings settings) {
        return new Migration<>(legacy, postgres, keyOf, Objects::equals, new DualWriteStore<>(legacy, postgres, keyOf, settings));
    }

    /** The same migration comparing records with {@code equivalence} (for example ignoring timestamps). */
    public Migration<V> withEquivalence(BiPredicate<V, V> equivalence) {
        return new Migration<>(legacy, postgres, keyOf, Objects.requireNonNull(equivalence, "equivalence"), store);
    }

    /** The store the application reads and writes through. */
    public DualWriteStore<V> store() {
        return store;
    }

    /** Compares every record of the two stores. */
    public ConsistencyReport check() {
        Map<String, V> pg = index(postgres.readAll(), "postgres");
        int postgresCount = pg.size();
        List<V> all = legacy.readAll();
        List<String> onlyInLegacy = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (V v : all) {
            String key = keyOf.apply(v);
            V other = pg.remove(key);
            if (other == null) {
                onlyInLegacy.add(key);
            } else if (!sameContent.test(v, other)) {
                different.add(key);
            }
        }
        List<String> onlyInPostgres = new ArrayList<>(pg.keySet());
        Collections.sort(onlyInLegacy);
        Collections.sort(onlyInPostgres);
        Collections.sort(different);
        ConsistencyReport report = new ConsistencyReport(all.size(), postgresCount,
                onlyInLegacy, onlyInPostgres, different);
        LOG.info("consistency check: {} legacy, {} PostgreSQL, {} only in legacy, {} only in PostgreSQL, {} different",
                report.legacyCount(), report.postgresCount(), onlyInLegacy.size(), onlyInPostgres.size(), different.size());
        return report;
    }

    /**
     * Makes the other store agree with {@code truth} on the keys of {@code report}: each key's
     * current record in the source of truth is written to the other store, or deleted there when
     * the source of truth no longer has it.
     */
    public RepairResult repair(ConsistencyReport report, SourceOfTruth truth) {
        Objects.requireNonNull(report, "report");
        MigrationStore<V> from = truth == SourceOfTruth.LEGACY ? legacy : postgres;
        MigrationStore<V> to = truth == SourceOfTruth.LEGACY ? postgres : legacy;
        int written = 0;
        int deleted = 0;
        List<String> keys = new ArrayList<>(report.onlyInLegacy());
        keys.addAll(report.onlyInPostgres());
        keys.addAll(report.different());
        for (String key : keys) {
            Optional<V> current = from.read(key);
            if (current.isPresent()) {
                to.write(current.get());
                written++;
            } else if (to.delete(key)) {
                deleted++;
            }
        }
        LOG.info("repair from {}: {} written, {} deleted", truth, written, deleted);
        return new RepairResult(truth, written, deleted);
    }

    /** Copies what PostgreSQL lacks or holds differently from the legacy store (idempotent). */
    public RepairResult backfill() {
        return repair(check(), SourceOfTruth.LEGACY);
    }

    /**
     * The cut-over: when the stores are consistent, switches to PostgreSQL only; otherwise changes
     * nothing. Returns the check either way.
     */
    public ConsistencyReport cutOver() {
        ConsistencyReport report = check();
        if (report.consistent()) {
            store.apply(MigrationSettings.postgresOnly());
        }
        return report;
    }

    /**
     * Back to the legacy store with nothing lost. When PostgreSQL has been the primary, writes go to
     * both stores (PostgreSQL first) while the legacy store is repaired from PostgreSQL; then
     * {@code target} applies. {@code target} must read from the legacy store only
     * ({@link MigrationSettings#legacyOnly()}, or dual writes at 0%). Writes that race with the
     * repair on the same key are best re-checked with {@link #check()} afterwards.
     */
    public RepairResult rollBack(MigrationSettings target) {
        Objects.requireNonNull(target, "target");
        if (target.readFromPostgresPercent() != 0) {
            throw new ConfigurationException(MigrationSettings.READ_FROM_POSTGRES_PERCENT, target.readFromPostgresPercent(),
                    "must be 0 for a rollback");
        }
        RepairResult result = new RepairResult(SourceOfTruth.POSTGRES, 0, 0);
        if (store.settings().primary() == SourceOfTruth.POSTGRES) {
            store.apply(MigrationSettings.dualWrites(100));
            result = repair(check(), SourceOfTruth.POSTGRES);
        }
        store.apply(target);
        return result;
    }

    private Map<String, V> index(List<V> records, String side) {
        Map<String, V> out = new HashMap<>(records.size() * 2);
        for (V v : records) {
            String key = Objects.requireNonNull(keyOf.apply(v), "key of a " + side + " record");
            out.put(key, v);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Migration[" + store.settings() + "]";
    }
}
