package dev.hybriddb.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.falkor.FalkorGraph;
import dev.hybriddb.micrometer.HybridDBMetrics;
import dev.hybriddb.schema.Migrations;
import dev.hybriddb.testing.FalkorService;
import dev.hybriddb.testing.PostgresService;
import dev.hybriddb.testing.TestServices;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration's conditions and property validation, on the real services. */
class HybridDBAutoConfigurationTest {
    private static PostgresService pg;
    private static FalkorService falkor;

    @BeforeAll
    static void setUp() {
        pg = TestServices.freshDatabase("bootcond");
        Migrations.using(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword()).withAppRole(pg.appUser()).update();
        falkor = TestServices.falkor();
    }

    @AfterAll
    static void tearDown() {
        if (pg != null) {
            TestServices.dropDatabase(pg);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HybridDBAutoConfiguration.class,
                    HybridDBHealthAutoConfiguration.class, HybridDBMetricsAutoConfiguration.class));

    private ApplicationContextRunner withDb() {
        return runner.withPropertyValues("hybriddb.url=" + pg.jdbcUrl(), "hybriddb.username=" + pg.appUser(),
                "hybriddb.password=" + pg.appPassword(), "hybriddb.pool.min-size=0", "hybriddb.pool.max-size=2");
    }

    private String[] owner() {
        return new String[] {"hybriddb.owner.username=" + pg.adminUser(), "hybriddb.owner.password=" + pg.adminPassword()};
    }

    @Test
    void withoutGraphThereIsNoGraphBeanAndCoordinationIsSqlOnly() {
        withDb().run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(HybridDB.class).doesNotHaveBean(GraphBackend.class);
            HybridDB db = ctx.getBean(HybridDB.class);
            assertThat(db.graph()).isEmpty();
            assertThat(db.coordinator().mode().name()).isEqualTo("SQL_ONLY");
            assertThat(ctx).hasSingleBean(HybridDBHealthIndicator.class).hasSingleBean(HybridDBMetrics.class);
            assertThat(((HikariDataSource) db.database().dataSource()).getMaximumPoolSize()).isEqualTo(2);
        });
    }

    @Test
    void optionalModulesAreOptionalButANamedBackendMustBePresent() {
        withDb().withClassLoader(new FilteredClassLoader("org.springframework.boot.health", "io.micrometer",
                "dev.hybriddb.micrometer")).run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(HybridDB.class)
                        .doesNotHaveBean(HybridDBHealthIndicator.class).doesNotHaveBean("hybridDBMetrics"));
        withDb().withClassLoader(new FilteredClassLoader("dev.hybriddb.graph.falkor"))
                .withPropertyValues("hybriddb.graph.backend=falkordb")
                .run(ctx -> assertFailure(ctx.getStartupFailure(), "hybriddb.graph.backend", "hybriddb-graph-falkor"));
        withDb().withPropertyValues("management.health.hybriddb.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(HybridDBHealthIndicator.class));
    }

    @Test
    void falkordbBackendCreatesTheGraphAndRealtimeSyncStopsWithTheContext() {
        HybridDB[] seen = new HybridDB[1];
        withDb().withPropertyValues(owner()).withPropertyValues("hybriddb.graph.backend=falkordb",
                "hybriddb.graph.falkordb.host=" + falkor.host(), "hybriddb.graph.falkordb.port=" + falkor.port(),
                "hybriddb.sync.mode=realtime").run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(FalkorGraph.class);
            HybridDB db = ctx.getBean(HybridDB.class);
            assertThat(db.graph()).containsSame(ctx.getBean(FalkorGraph.class));
            assertThat(db.sync().status().running()).isTrue();
            seen[0] = db;
        });
        assertThat(seen[0].sync().status().running()).as("closing the context closed the HybridDB").isFalse();
    }

    @Test
    void userBeansWin() {
        withDb().withUserConfiguration(UserConfig.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(HybridConfig.class).poolName()).isEqualTo("user-pool");
            assertThat(ctx.getBean(HybridDB.class).config().poolName()).isEqualTo("user-pool");
        });
        runner.withUserConfiguration(UserDbConfig.class).run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(HybridDB.class);
            assertThat(ctx.getBean(HybridDB.class).config().poolName()).isEqualTo("user-db");
            assertThat(ctx).as("no hybriddb.* properties needed then").doesNotHaveBean(HybridConfig.class)
                    .hasSingleBean(HybridDBHealthIndicator.class);
        });
    }

    @Test
    void theApplicationsDataSourceIsReusedUnlessTurnedOff() {
        withDb().withUserConfiguration(AppDataSource.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            DataSource app = ctx.getBean(DataSource.class);
            assertThat(ctx.getBean(HybridDB.class).database().dataSource()).isSameAs(app);
        });
        withDb().withUserConfiguration(AppDataSource.class).withPropertyValues("hybriddb.use-application-data-source=false")
                .run(ctx -> assertThat(ctx.getBean(HybridDB.class).database().dataSource())
                        .isNotSameAs(ctx.getBean("appDataSource")));
    }

    @Test
    void springDatasourcePropertiesAreTheDefaults() {
        runner.withPropertyValues("spring.datasource.url=" + pg.jdbcUrl(), "spring.datasource.username=" + pg.appUser(),
                "spring.datasource.password=" + pg.appPassword(), "hybriddb.pool.min-size=0").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(HybridConfig.class).user()).isEqualTo(pg.appUser());
        });
    }

    @Test
    void invalidPropertiesFailWithTheirNames() {
        runner.run(ctx -> assertFailure(ctx.getStartupFailure(), "hybriddb.url"));
        withDb().withPropertyValues("hybriddb.sync.mode=realtime")
                .run(ctx -> assertFailure(ctx.getStartupFailure(), "hybriddb.sync.mode", "hybriddb.graph.backend"));
        withDb().withPropertyValues("hybriddb.graph.backend=falkordb", "hybriddb.sync.mode=wal-capture")
                .run(ctx -> assertFailure(ctx.getStartupFailure(), "hybriddb.owner.username", "WAL_CAPTURE"));
        withDb().withPropertyValues("hybriddb.graph.backend=falkordb", "hybriddb.graph.falkordb.port=70000")
                .run(ctx -> assertFailure(ctx.getStartupFailure(), "hybriddb.graph.falkordb.port", "70000"));
        withDb().withPropertyValues("hybriddb.pool.max-size=0")
                .run(ctx -> assertFailure(ctx.getStartupFailure(), "hybriddb.pool.max-size"));
        withDb().withPropertyValues("hybriddb.graph.backend=neo4j")
                .run(ctx -> assertFailure(ctx.getStartupFailure(), "hybriddb.graph.backend", "neo4j"));
        withDb().withPropertyValues("hybriddb.password=wrong-secret-value")
                .run(ctx -> assertThat(rootMessages(ctx.getStartupFailure())).doesNotContain("wrong-secret-value"));
    }

    @Test
    void anOwnerRoleAsApplicationRoleIsRefused() {
        runner.withPropertyValues("hybriddb.url=" + pg.jdbcUrl(), "hybriddb.username=" + pg.adminUser(),
                "hybriddb.password=" + pg.adminPassword(), "hybriddb.pool.min-size=0").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(rootMessages(ctx.getStartupFailure())).contains("owns");
        });
    }

    private static void assertFailure(Throwable failure, String... fragments) {
        assertThat(failure).isNotNull();
        String messages = rootMessages(failure);
        for (String f : fragments) {
            assertThat(messages).contains(f);
        }
    }

    private static String rootMessages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
            if (c instanceof InvalidConfigurationPropertyValueException i) {
                sb.append(i.getName()).append(' ').append(i.getValue()).append(' ').append(i.getReason()).append('\n');
            }
        }
        return sb.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class UserConfig {
        @Bean
        HybridConfig userConfig() {
            return HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser()).password(pg.appPassword())
                    .minPoolSize(0).maxPoolSize(1).poolName("user-pool").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDbConfig {
        @Bean(destroyMethod = "close")
        HybridDB userDb() {
            return HybridDB.builder().config(HybridConfig.builder().url(pg.jdbcUrl()).user(pg.appUser())
                    .password(pg.appPassword()).minPoolSize(0).maxPoolSize(1).poolName("user-db").build()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AppDataSource {
        @Bean(destroyMethod = "close")
        HikariDataSource appDataSource() {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(pg.jdbcUrl());
            ds.setUsername(pg.appUser());
            ds.setPassword(pg.appPassword());
            ds.setMaximumPoolSize(2);
            ds.setPoolName("app");
            return ds;
        }
    }
}
