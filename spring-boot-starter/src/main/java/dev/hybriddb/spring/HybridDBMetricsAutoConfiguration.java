package dev.hybriddb.spring;

import dev.hybriddb.HybridDB;
import dev.hybriddb.micrometer.HybridDBMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link HybridDBMetrics} as a {@link MeterBinder} bean when Micrometer and
 * {@code hybriddb-micrometer} are present; Spring Boot binds it to every meter registry (with
 * actuator). Its {@code close()} (the destroy method) detaches the coordination listener.
 */
@AutoConfiguration(after = HybridDBAutoConfiguration.class)
@ConditionalOnClass({MeterBinder.class, HybridDBMetrics.class})
@ConditionalOnBean(HybridDB.class)
public class HybridDBMetricsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    HybridDBMetrics hybridDBMetrics(HybridDB db) {
        return new HybridDBMetrics(db);
    }
}
