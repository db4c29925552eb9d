package io.github.mlhighway.lifecycle.spring.observation;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleAutoConfiguration;
import io.github.mlhighway.lifecycle.spring.autoconfigure.LifecycleProperties;
import io.micrometer.observation.ObservationHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Request SLIs without code: when {@code lifecycle.requests.endpoints} lists at least one endpoint in a servlet web
 * application, a {@link RequestSloObservationHandler} records them from Spring MVC's server observations (Spring
 * Boot registers every {@code ObservationHandler} bean with the application's {@code ObservationRegistry}; the
 * observations come from Actuator's web MVC observation support).
 *
 * @since 0.1
 */
@AutoConfiguration(after = LifecycleAutoConfiguration.class)
@ConditionalOnClass({Lifecycle.class, ObservationHandler.class, ServerRequestObservationContext.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(Lifecycle.class)
@ConditionalOnProperty(prefix = "lifecycle.requests.endpoints[0]", name = "path")
@EnableConfigurationProperties(LifecycleProperties.class)
public class RequestSloAutoConfiguration {

    /** Made by Spring. */
    public RequestSloAutoConfiguration() {
    }

    /**
     * The handler.
     *
     * @param lifecycle  the runtime
     * @param properties the properties
     * @return the handler
     */
    @Bean
    @ConditionalOnMissingBean
    public RequestSloObservationHandler lifecycleRequestSloObservationHandler(Lifecycle lifecycle,
                                                                              LifecycleProperties properties) {
        return new RequestSloObservationHandler(lifecycle, properties.getRequests().getEndpoints());
    }
}
