package io.github.mlhighway.lifecycle.spring.autoconfigure;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.spring.actuate.ReleaseApprovals;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Auto-configures one {@link Lifecycle} runtime from the {@code lifecycle.*} properties ({@link LifecycleProperties}),
 * started and closed with the application context ({@link LifecycleRunner}), with its SLO meters bound to the
 * application's Micrometer {@link MeterRegistry} when there is one. Backs off entirely when the application defines
 * its own {@code Lifecycle} bean (the endpoint, health indicator and request SLIs then use that one, and starting,
 * closing and meter binding are the application's).
 *
 * <p>The runtime reads a {@link Clock} bean when the application has exactly one (e.g. a simulated clock in tests),
 * else the UTC system clock.
 *
 * @since 0.1
 */
@AutoConfiguration
@ConditionalOnClass(Lifecycle.class)
@ConditionalOnProperty(prefix = "lifecycle", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(LifecycleProperties.class)
public class LifecycleAutoConfiguration {

    /** Made by Spring. */
    public LifecycleAutoConfiguration() {
    }

    /**
     * The operator approvals that the Actuator endpoint's {@code approve} action grants; pass it to
     * {@code lifecycle.releases().release(..).approval(approvals)} for releases that wait for a person.
     *
     * @return the approvals
     */
    @Bean
    @ConditionalOnMissingBean
    public ReleaseApprovals lifecycleReleaseApprovals() {
        return new ReleaseApprovals();
    }

    /** The runtime and its start/stop, unless the application has its own runtime. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Lifecycle.class)
    static class RuntimeConfiguration {

        @Bean(destroyMethod = "close")
        Lifecycle lifecycle(LifecycleProperties properties, ResourceLoader resourceLoader,
                            ObjectProvider<Clock> clock, ObjectProvider<LifecycleBuilderCustomizer> customizers) {
            return new LifecycleFactory(properties, ResourcePatternUtils.getResourcePatternResolver(resourceLoader))
                    .build(clock.getIfUnique(Clock::systemUTC), customizers.orderedStream().toList());
        }

        @Bean
        LifecycleRunner lifecycleRunner(Lifecycle lifecycle) {
            return new LifecycleRunner(lifecycle);
        }
    }

    /** Binds the runtime's SLO meters to the application's meter registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnProperty(prefix = "lifecycle.metrics", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class MetricsConfiguration {

        @Bean
        LifecycleBuilderCustomizer lifecycleMeterBinding(ObjectProvider<MeterRegistry> registries) {
            return builder -> {
                MeterRegistry registry = registries.getIfUnique();
                if (registry != null) {
                    builder.meterRegistry(registry);
                }
            };
        }
    }
}
