package dev.hybriddb.migrate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store the application uses while it moves: writes and reads routed by the current
 * {@link MigrationSettings}, which may change at any time ({@link #apply}).
 *
 * <ul>
 *   <li>Writes and deletes go to the primary store first ({@link MigrationSettings#primary()}); a
 *       failure there is thrown and nothing else is written. With dual writes they then go to the
 *       other store, where a failure is counted and logged but not thrown: the primary holds the
 *       write, and the consistency check repairs the other.</li>
 *   <li>A read goes to PostgreSQL when the key's bucket is below the percentage
 *       ({@link ReadRouting}), otherwise to the legacy store. When a read routed to PostgreSQL fails
 *       while the legacy store is still the primary, the legacy store serves it (a fallback read).</li>
 *   <li>{@link #readAll()} reads the primary.</li>
 * </ul>
 */
public final class DualWriteStore<V> implements MigrationStore<V> {
    private static final Logger LOG = LoggerFactory.getLogger(DualWriteStore.class);

    private final MigrationStore<V> legacy;
    private final MigrationStore<V> postgres;
    private final Function<V, String> keyOf;
    private volatile MigrationSettings settings;
    private final AtomicLong legacyReads = new AtomicLong();
    private final AtomicLong postgresReads = new AtomicLong();
    private final AtomicLong fallbackReads = new AtomicLong();
    private final AtomicLong secondaryWriteFailures = new AtomicLong();

    DualWriteStore(MigrationStore<V> legacy, MigrationStore<V> postgres, Function<V, String> keyOf, MigrationSettings settings) {
        this.legacy = Objects.requireNonNull(legacy, "legacy");
        this.postgres = Objects.requireNonNull(postgres, "postgres");
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Switches to {@code next}; calls after this one follow it. */
    public void apply(MigrationSettings next) {
        MigrationSettings previous = settings;
        settings = Objects.requireNonNull(next, "settings");
        LOG.info("migration settings: {} -> {}", previous, next);
    }

    /** The settings in force. */
    public MigrationSettings settings() {
        return settings;
    }

    @Override
    public Optional<V> read(String key) {
        Objects.requireNonNull(key, "key");
        MigrationSettings s = settings;
        if (!ReadRouting.readsFromPostgres(key, s.readFromPostgresPercent())) {
            legacyReads.incrementAndGet();
            return legacy.read(key);
        }
        try {
            Optional<V> v = postgres.read(key);
            postgresReads.incrementAndGet();
            return v;
        } catch (RuntimeException e) {
            if (s.primary() != SourceOfTruth.LEGACY || !s.writesLegacy()) {
                throw e;
            }
            fallbackReads.incrementAndGet();
            legacyReads.incrementAndGet();
            LOG.warn("PostgreSQL read of key {} failed ({}); served by the legacy store", key, e.getClass().getName());
            return legacy.read(key);
        }
    }

    @Override
    public void write(V value) {
        Objects.requireNonNull(value, "value");
        String key = Objects.requireNonNull(keyOf.apply(value), "key of value");
        both("write", key, store -> {
            store.write(value);
            return true;
        });
    }

    @Override
    public boolean delete(String key) {
        Objects.requireNonNull(key, "key");
        return both("delete", key, store -> store.delete(key));
    }

    @Override
    public List<V> readAll() {
        return primaryStore(settings).readAll();
    }

    /** Counters since this store was built. */
    public MigrationStats stats() {
        return new MigrationStats(legacyReads.get(), postgresReads.get(), fallbackReads.get(), secondaryWriteFailures.get());
    }

    private boolean both(String what, String key, Function<MigrationStore<V>, Boolean> op) {
        MigrationSettings s = settings;
        boolean result = op.apply(primaryStore(s));
        boolean secondaryWritten = s.primary() == SourceOfTruth.LEGACY ? s.writesPostgres() : s.writesLegacy();
        if (secondaryWritten) {
            MigrationStore<V> secondary = s.primary() == SourceOfTruth.LEGACY ? postgres : legacy;
            try {
                op.apply(secondary);
            } catch (RuntimeException e) {
                secondaryWriteFailures.incrementAndGet();
                LOG.warn("{} of key {} reached the {} store but failed on the other ({}); the consistency check repairs it",
                        what, key, s.primary(), e.getClass().getName());
            }
        }
        return result;
    }

    private MigrationStore<V> primaryStore(MigrationSettings s) {
        return s.primary() == SourceOfTruth.LEGACY ? legacy : postgres;
    }

    @Override
    public String toString() {
        return "DualWriteStore[" + settings + "]";
    }
}
