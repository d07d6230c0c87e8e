package dev.hybriddb.testkit;

import com.falkordb.Driver;
import com.falkordb.FalkorDB;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.GraphLayout;
import dev.hybriddb.graph.GraphNames;
import dev.hybriddb.graph.age.AgeGraph;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One test class's services: its own migrated database, a graph-name prefix of its own, and the
 * {@link HybridDB} over them. {@link #close()} closes the HybridDB, deletes the class's graphs and
 * drops the database.
 */
final class ClassDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClassDatabase.class);

    private final String owner;
    private final HybridDBTest.Graph graphKind;
    private final PostgresService postgres;
    private final FalkorService falkor;
    private final String graphPrefix;
    private final HybridDB db;

    private ClassDatabase(String owner, HybridDBTest.Graph graphKind, PostgresService postgres, FalkorService falkor,
            String graphPrefix, HybridDB db) {
        this.owner = owner;
        this.graphKind = graphKind;
        this.postgres = postgres;
        this.falkor = falkor;
        this.graphPrefix = graphPrefix;
        this.db = db;
    }

    /** Creates and migrates a database for the context {@code owner}, then builds the HybridDB on it. */
    static ClassDatabase open(String owner, HybridDBTest.Graph graph, HybridDBTest.Sync sync) {
        FalkorService falkor = graph == HybridDBTest.Graph.FALKORDB ? TestServices.falkor() : null;
        PostgresService pg = TestServices.freshDatabase("hybriddb_test");
        String prefix = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT) + "_";
        try {
            HybridConfig config = config(pg);
            try (HybridDB migrator = HybridDB.builder().config(config).discoverPlugins(false).build()) {
                migrator.migrate();
            }
            HybridDB.Builder b = HybridDB.builder().config(config)
                    .layout(GraphLayout.builder().graphNames(t -> prefix + GraphNames.forTenant(t)).build());
            GraphBackend backend = backend(graph, pg, falkor);
            if (backend != null) {
                b.graph(backend);
            }
            sync.mode().ifPresent(b::sync);
            return new ClassDatabase(owner, graph, pg, falkor, prefix, b.build());
        } catch (RuntimeException e) {
            try {
                TestServices.dropDatabase(pg);
            } catch (RuntimeException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            throw e;
        }
    }

    private static HybridConfig config(PostgresService pg) {
        return HybridConfig.builder().url(pg.jdbcUrl())
                .user(pg.appUser()).password(pg.appPassword())
                .migrationUser(pg.adminUser()).migrationPassword(pg.adminPassword())
                .minPoolSize(0).maxPoolSize(4).poolName("hybriddb-test-" + pg.database())
                .build();
    }

    private static GraphBackend backend(HybridDBTest.Graph graph, PostgresService pg, FalkorService falkor) {
        return switch (graph) {
            case FALKORDB -> FalkorGraph.connect(falkor.host(), falkor.port());
            // AGE's graphs belong to the owner role; the application role may not use AGE at all
            case AGE -> AgeGraph.connect(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword());
            case NONE -> null;
        };
    }

    /** The unique id of the extension context that created this (it alone closes it). */
    String owner() {
        return owner;
    }

    HybridDB db() {
        return db;
    }

    PostgresService postgres() {
        return postgres;
    }

    /** The prefix of every graph name of this class. */
    String graphPrefix() {
        return graphPrefix;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        try {
            db.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            if (graphKind == HybridDBTest.Graph.FALKORDB) {
                deleteFalkorGraphs();
            }
            // AGE graphs live in the class's database and go with it
            TestServices.dropDatabase(postgres);
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Deletes every FalkorDB graph named with this class's prefix (tenants deleted by the test included). */
    private void deleteFalkorGraphs() {
        try (Driver driver = FalkorDB.driver(falkor.host(), falkor.port())) {
            List<String> mine = driver.listGraphs().stream().filter(g -> g.startsWith(graphPrefix)).toList();
            for (String graph : mine) {
                driver.graph(graph).deleteGraph();
            }
            LOG.debug("deleted {} test graphs with prefix {}", mine.size(), graphPrefix);
        } catch (IOException e) {
            throw new IllegalStateException("could not close the FalkorDB connection", e);
        }
    }
}
