package dev.hybriddb.graph.age;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.ConfigurationException;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.TenantGraphIsolationContract;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Graph isolation on AGE: the backend connects as the role that owns the graphs; the application
 * role, which tenant work runs as, has no privilege on ag_catalog or on any graph schema.
 */
class AgeTenantIsolationIT extends TenantGraphIsolationContract {
    @Override
    protected GraphBackend openGraph(PostgresService pg) {
        return AgeGraph.connect(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword());
    }

    @Override
    protected boolean graphsInPostgres() {
        return true;
    }

    @Test
    void hybridDbRefusesToStartWhileTheApplicationRoleMayUseAgesCatalog() throws Exception {
        String superUser = TestServices.requireEnv("HYBRIDDB_SUPERUSER", "to open AGE's catalog");
        Properties p = new Properties();
        p.setProperty("user", superUser);
        p.setProperty("password", System.getenv().getOrDefault("HYBRIDDB_SUPERUSER_PASSWORD", ""));
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), p); Statement st = c.createStatement()) {
            st.execute("GRANT USAGE ON SCHEMA ag_catalog TO " + pg.appUser());
            try (GraphBackend graph = openGraph(pg)) {
                HybridConfig config = HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                        .maxPoolSize(2).build();
                assertThatThrownBy(() -> HybridDB.builder().config(config).graph(graph).build())
                        .isInstanceOf(ConfigurationException.class).hasMessageContaining("may use ag_catalog");
            } finally {
                st.execute("REVOKE USAGE ON SCHEMA ag_catalog FROM " + pg.appUser());
            }
        }
    }
}
