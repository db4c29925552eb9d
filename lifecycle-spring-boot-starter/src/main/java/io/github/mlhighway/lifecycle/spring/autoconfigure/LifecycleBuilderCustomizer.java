package io.github.mlhighway.lifecycle.spring.autoconfigure;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;

/**
 * Changes the {@link Lifecycle.Builder} the starter builds its runtime with, after the {@code lifecycle.*}
 * properties were applied: listeners, a scheduler, another artifact store. Every bean of this type is applied, in
 * {@link org.springframework.core.annotation.Order} order.
 *
 * <pre>{@code
 * @Bean
 * LifecycleBuilderCustomizer releaseLog() {
 *     return builder -> builder.releaseListener(event -> log.info("{} {}", event.releaseId(), event.type()));
 * }
 * }</pre>
 * @since 0.1
 */
@FunctionalInterface
public interface LifecycleBuilderCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(Lifecycle.Builder builder);
}
