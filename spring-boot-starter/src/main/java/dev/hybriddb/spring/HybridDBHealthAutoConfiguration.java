package dev.hybriddb.spring;

import dev.hybriddb.HybridDB;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code hybriddb} health component, when Spring Boot's health support (actuator) is present;
 * {@code management.health.hybriddb.enabled=false} turns it off.
 */
@AutoConfiguration(after = HybridDBAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class HybridDBHealthAutoConfiguration {

    /** Nested, so that its health-module condition is only read once the module is known to be present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(HybridDB.class)
    @ConditionalOnEnabledHealthIndicator("hybriddb")
    static class HealthIndicatorConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "hybriddbHealthIndicator")
        HybridDBHealthIndicator hybriddbHealthIndicator(HybridDB db) {
            return new HybridDBHealthIndicator(db);
        }
    }
}
