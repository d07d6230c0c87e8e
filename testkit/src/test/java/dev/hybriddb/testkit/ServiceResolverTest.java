package dev.hybriddb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hybriddb.testing.ServiceResolver;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** What a test sees when neither the environment nor a Docker engine provides the services. */
class ServiceResolverTest {
    private static final ServiceResolver NOTHING = new ServiceResolver(Map.of(), () -> false);

    @Test
    void noPostgresFailsWithInstructions() {
        assertThatThrownBy(NOTHING::postgres)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no PostgreSQL: DATABASE_URL is not set and no Docker engine answers.")
                .hasMessageContaining("POSTGRES_USER/POSTGRES_PASSWORD")
                .hasMessageContaining("HYBRIDDB_MIGRATION_USER/HYBRIDDB_MIGRATION_PASSWORD")
                .hasMessageContaining("Docker engine available for Testcontainers");
    }

    @Test
    void noFalkorFailsWithInstructions() {
        assertThatThrownBy(NOTHING::falkor)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no FalkorDB: HYBRIDDB_FALKOR_HOST is not set and no Docker engine answers.")
                .hasMessageContaining("HYBRIDDB_FALKOR_HOST/HYBRIDDB_FALKOR_PORT");
    }

    @Test
    void blankVariablesCountAsUnset() {
        ServiceResolver blank = new ServiceResolver(Map.of("DATABASE_URL", "  ", "HYBRIDDB_FALKOR_HOST", ""), () -> false);
        assertThatThrownBy(blank::postgres).hasMessageStartingWith("no PostgreSQL");
        assertThatThrownBy(blank::falkor).hasMessageStartingWith("no FalkorDB");
    }

    @Test
    void allowSkipSkipsOutsideCiOnly() {
        ServiceResolver skip = new ServiceResolver(Map.of("HYBRIDDB_ALLOW_SKIP", "true"), () -> false);
        assertThatThrownBy(skip::postgres).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("HYBRIDDB_ALLOW_SKIP=true");

        ServiceResolver ci = new ServiceResolver(Map.of("HYBRIDDB_ALLOW_SKIP", "true", "CI", "true"), () -> false);
        assertThatThrownBy(ci::postgres).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEnvironmentWinsAndDockerIsNotAskedThen() {
        AtomicInteger asked = new AtomicInteger();
        ServiceResolver env = new ServiceResolver(Map.of("DATABASE_URL", "postgres://db.example:5433/app",
                "POSTGRES_USER", "app", "POSTGRES_PASSWORD", "s3cret-app",
                "HYBRIDDB_MIGRATION_USER", "owner", "HYBRIDDB_MIGRATION_PASSWORD", "s3cret-owner"),
                () -> asked.incrementAndGet() > 0);
        var pg = env.postgres();
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/app");
        assertThat(pg.appUser()).isEqualTo("app");
        assertThat(pg.adminUser()).isEqualTo("owner");
        assertThat(pg.toString()).doesNotContain("s3cret");
        assertThat(asked).hasValue(0);
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        ServiceResolver env = new ServiceResolver(Map.of("DATABASE_URL", "postgresql://app:s3cret@db.example/app"), () -> false);
        assertThatThrownBy(env::postgres).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aBadFalkorPortIsNamed() {
        ServiceResolver env = new ServiceResolver(Map.of("HYBRIDDB_FALKOR_HOST", "127.0.0.1", "HYBRIDDB_FALKOR_PORT", "six"),
                () -> false);
        assertThatThrownBy(env::falkor).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HYBRIDDB_FALKOR_PORT").hasMessageContaining("'six'");
    }
}
