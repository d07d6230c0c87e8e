package dev.hybriddb.testkit;

import dev.hybriddb.graph.SyncMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class a migrated {@link dev.hybriddb.HybridDB} on real services.
 *
 * <p>Each annotated class gets a database of its own (created empty on the shared PostgreSQL,
 * migrated, dropped after the class) and graphs of its own (tenant graphs named with a prefix of
 * the class, deleted after the class). The {@code HybridDB} reaches the test as a parameter of
 * type {@code HybridDB} (of a test, a lifecycle method or the constructor) or in a non-final field
 * of that type; a {@link TenantId @TenantId UUID} parameter is a tenant created for that test.
 * {@link dev.hybriddb.testing.PostgresService} (the class's database, its owner and application
 * roles) is injected the same way.
 *
 * <p>Services come from the environment first ({@code DATABASE_URL}, {@code POSTGRES_USER},
 * {@code HYBRIDDB_MIGRATION_USER}, {@code HYBRIDDB_FALKOR_HOST}, ...), then from Testcontainers
 * when a Docker engine answers; otherwise the class fails with instructions. See
 * {@link dev.hybriddb.testing.ServiceResolver}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HybridDBExtension.class)
public @interface HybridDBTest {

    /** The graph backend of the {@code HybridDB} (default FalkorDB). */
    Graph graph() default Graph.FALKORDB;

    /** How the graph follows PostgreSQL (default: no sync; needs {@code hybriddb-sync} otherwise). */
    Sync sync() default Sync.NONE;

    /** The graph backends a test can ask for. */
    enum Graph {
        /** FalkorDB ({@code hybriddb-graph-falkor}), shared by all classes; graph names carry a per-class prefix. */
        FALKORDB,
        /** Apache AGE ({@code hybriddb-graph-age}) in the class's own database, as its owner role. */
        AGE,
        /** No graph: coordination queries run on SQL. */
        NONE
    }

    /** The sync of the {@code HybridDB}: none, or one of {@link SyncMode}. */
    enum Sync {
        /** No sync module is asked for (a {@code HybridDB} without {@code sync(...)}). */
        NONE(null),
        /** {@link SyncMode#MANUAL}. */
        MANUAL(SyncMode.MANUAL),
        /** {@link SyncMode#REALTIME}. */
        REALTIME(SyncMode.REALTIME),
        /** {@link SyncMode#WAL_CAPTURE}. */
        WAL_CAPTURE(SyncMode.WAL_CAPTURE);

        private final SyncMode mode;

        Sync(SyncMode mode) {
            this.mode = mode;
        }

        /** The sync mode, empty for {@link #NONE}. */
        public Optional<SyncMode> mode() {
            return Optional.ofNullable(mode);
        }
    }
}
