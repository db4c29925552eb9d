package io.github.mlhighway.lifecycle.spring.actuate;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleAutoConfiguration;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code lifecycle} Actuator endpoint and health indicator, for the application's {@link Lifecycle} bean
 * (auto-configured or its own), when Spring Boot Actuator is on the classpath.
 *
 * @since 0.1
 */
@AutoConfiguration(after = LifecycleAutoConfiguration.class)
@ConditionalOnClass({Lifecycle.class, Endpoint.class})
@ConditionalOnBean(Lifecycle.class)
@EnableConfigurationProperties(LifecycleProperties.class)
public class LifecycleActuatorAutoConfiguration {

    /** Made by Spring. */
    public LifecycleActuatorAutoConfiguration() {
    }

    /**
     * The endpoint.
     *
     * @param lifecycle the runtime
     * @param approvals the operator approvals (a fresh set when the application has none)
     * @return the endpoint
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(endpoint = LifecycleEndpoint.class)
    public LifecycleEndpoint lifecycleEndpoint(Lifecycle lifecycle, ObjectProvider<ReleaseApprovals> approvals) {
        return new LifecycleEndpoint(lifecycle, approvals.getIfAvailable(ReleaseApprovals::new));
    }

    /** The health indicator, named {@code lifecycle}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("lifecycle")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "lifecycleHealthIndicator")
        LifecycleHealthIndicator lifecycleHealthIndicator(Lifecycle lifecycle, LifecycleProperties properties) {
            return new LifecycleHealthIndicator(lifecycle, properties.getHealth().getPageAlerts());
        }
    }
}
