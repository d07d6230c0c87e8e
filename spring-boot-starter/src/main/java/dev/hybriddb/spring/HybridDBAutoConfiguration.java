package dev.hybriddb.spring;

import dev.hybriddb.HybridConfig;
import dev.hybriddb.HybridDB;
import dev.hybriddb.graph.GraphBackend;
import dev.hybriddb.graph.SyncErrorListener;
import dev.hybriddb.graph.age.AgeGraph;
import dev.hybriddb.graph.falkor.FalkorConfig;
import dev.hybriddb.graph.falkor.FalkorGraph;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Creates a {@link HybridDB} from the {@code hybriddb.*} properties ({@link HybridDBProperties}).
 * Every bean backs off when the application defines its own:
 * <ul>
 *   <li>{@link HybridConfig}, from the properties ({@code spring.datasource.*} as defaults), unless
 *       the application defines a HybridConfig or a HybridDB;</li>
 *   <li>a {@link GraphBackend} for {@code hybriddb.graph.backend=falkordb} or {@code age} (none for
 *       {@code none}, the default); the HybridDB owns and closes it;</li>
 *   <li>{@link HybridDB}, on the application's {@code DataSource} bean when there is one (and
 *       {@code hybriddb.use-application-data-source} is not false), otherwise on its own pool. Its
 *       destroy method is {@link HybridDB#close()}: a real-time or WAL-capture sync starts when
 *       the bean is created and stops, with the graph and the pool, when the context closes.</li>
 * </ul>
 * Beans of type {@link SyncErrorListener} and {@link HybridDBBuilderCustomizer} are applied.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(HybridDB.class)
@EnableConfigurationProperties(HybridDBProperties.class)
public class HybridDBAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean({HybridConfig.class, HybridDB.class})
    HybridConfig hybridConfig(HybridDBProperties props, Environment env) {
        if (props.getUrl() == null) {
            props.setUrl(env.getProperty("spring.datasource.url"));
        }
        if (props.getUsername() == null) {
            props.setUsername(env.getProperty("spring.datasource.username"));
            if (props.getPassword() == null) {
                props.setPassword(env.getProperty("spring.datasource.password"));
            }
        }
        props.validate();
        HybridConfig.Builder b = HybridConfig.builder().url(props.getUrl()).user(props.getUsername())
                .password(props.getPassword())
                .poolName(props.getPool().getName()).minPoolSize(props.getPool().getMinSize())
                .maxPoolSize(props.getPool().getMaxSize())
                .connectionTimeout(props.getPool().getConnectionTimeout()).idleTimeout(props.getPool().getIdleTimeout());
        if (props.getOwner().isSet()) {
            b.migrationUser(props.getOwner().getUsername()).migrationPassword(props.getOwner().getPassword());
        }
        return b.build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    HybridDB hybridDB(HybridConfig config, HybridDBProperties props, ObjectProvider<DataSource> dataSources,
                      ObjectProvider<GraphBackend> graphs, ObjectProvider<SyncErrorListener> errorListeners,
                      ObjectProvider<HybridDBBuilderCustomizer> customizers) {
        HybridDB.Builder b = HybridDB.builder().config(config);
        if (props.isUseApplicationDataSource()) {
            dataSources.ifUnique(b::dataSource);
        }
        GraphBackend graph = graphs.getIfUnique();
        if (graph != null) {
            b.graph(graph);
        } else if (props.getGraph().getBackend() != HybridDBProperties.GraphBackendType.NONE) {
            throw new InvalidConfigurationPropertyValueException("hybriddb.graph.backend", props.getGraph().getBackend(),
                    "needs the artifact dev.hybriddb:hybriddb-graph-"
                            + (props.getGraph().getBackend() == HybridDBProperties.GraphBackendType.AGE ? "age" : "falkor")
                            + " on the classpath");
        }
        if (props.getSync().getMode() != null) {
            b.sync(props.getSync().getMode());
        }
        errorListeners.ifUnique(b::syncErrorListener);
        customizers.orderedStream().forEach(c -> c.customize(b));
        if (props.isMigrateOnStart()) {
            migrate(config, props.isUseApplicationDataSource() ? dataSources.getIfUnique() : null);
        }
        return b.build();
    }

    /**
     * Applies pending migrations before the real HybridDB is built (its sync needs the schema), through
     * a short-lived HybridDB without graph or plugins.
     */
    private static void migrate(HybridConfig config, DataSource dataSource) {
        HybridDB.Builder b = HybridDB.builder().config(config).discoverPlugins(false);
        if (dataSource != null) {
            b.dataSource(dataSource);
        }
        try (HybridDB db = b.build()) {
            db.migrate();
        }
    }

    /** FalkorDB, when {@code hybriddb.graph.backend=falkordb} and {@code hybriddb-graph-falkor} is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FalkorGraph.class)
    @ConditionalOnProperty(name = "hybriddb.graph.backend", havingValue = "falkordb")
    static class FalkorConfiguration {
        @Bean(destroyMethod = "")                                   // the HybridDB closes it
        @ConditionalOnMissingBean(GraphBackend.class)
        FalkorGraph hybriddbFalkorGraph(HybridDBProperties props) {
            props.validateFalkordb();
            return FalkorGraph.connect(falkorConfig(props.getGraph().getFalkordb()));
        }

        /** The {@link FalkorConfig} that {@code hybriddb.graph.falkordb.*} describes. */
        static FalkorConfig falkorConfig(HybridDBProperties.Falkordb f) {
            FalkorConfig.Builder b = f.getSentinelMaster() == null ? FalkorConfig.builder(f.getHost(), f.getPort())
                    : FalkorConfig.sentinel(f.getSentinelMaster(), f.getSentinels().stream().map(FalkorConfig.Address::parse).toList())
                            .sentinelUsername(f.getSentinelUsername()).sentinelPassword(f.getSentinelPassword());
            return b.username(f.getUsername()).password(f.getPassword()).tls(f.isTls())
                    .readReplicas(f.getReadReplicas().stream().map(FalkorConfig.Address::parse).toList()).build();
        }
    }

    /** Apache AGE in the same PostgreSQL, as the owner role, when {@code hybriddb.graph.backend=age}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AgeGraph.class)
    @ConditionalOnProperty(name = "hybriddb.graph.backend", havingValue = "age")
    static class AgeConfiguration {
        @Bean(destroyMethod = "")                                   // the HybridDB closes it
        @ConditionalOnMissingBean(GraphBackend.class)
        AgeGraph hybriddbAgeGraph(HybridConfig config) {
            return AgeGraph.connect(config.jdbcUrl(), config.migrationUser(), config.migrationPassword());
        }
    }
}
