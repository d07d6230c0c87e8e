package dev.hybriddb.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The health component's status and details on a real PostgreSQL, up and gone. */
class HybridDBHealthIndicatorTest {
    private static PostgresService pg;

    @BeforeAll
    static void setUp() {
        pg = TestServices.freshDatabase("boothealth");
    }

    @AfterAll
    static void tearDown() {
        if (pg != null) {
            TestServices.dropDatabase(pg);
        }
    }

    @Test
    void upWithoutGraphThenDownWhenPostgresIsGone() {
        HybridDB db = HybridDB.builder().config(HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser())
                .password(pg.appPassword()).minPoolSize(0).maxPoolSize(1).build()).build();
        HybridDBHealthIndicator indicator = new HybridDBHealthIndicator(db);
        Health up = indicator.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(detail(up, "postgresql")).containsEntry("status", "UP");
        assertThat(detail(up, "graph")).containsEntry("status", "NONE").containsEntry("coordination", "SQL_ONLY");
        assertThat(up.getDetails()).doesNotContainKey("sync");

        db.close();                                             // the pool is gone: PostgreSQL no longer answers
        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(detail(down, "postgresql")).containsEntry("status", "DOWN").containsKey("error");
        assertThat(down.toString()).doesNotContain(pg.appPassword() + "@").doesNotContainIgnoringCase("password=");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Health h, String key) {
        return (Map<String, Object>) h.getDetails().get(key);
    }
}
