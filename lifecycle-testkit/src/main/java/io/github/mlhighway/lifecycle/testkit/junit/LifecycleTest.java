package io.github.mlhighway.lifecycle.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or a single test method) as using the {@link LifecycleExtension}: its test and lifecycle
 * methods may declare parameters of type {@link io.github.mlhighway.lifecycle.testkit.TestClock},
 * {@link io.github.mlhighway.lifecycle.store.Store}, {@link io.github.mlhighway.lifecycle.core.store.DirectoryStore},
 * {@link io.github.mlhighway.lifecycle.core.slo.SloRegistry},
 * {@link io.github.mlhighway.lifecycle.registry.ModelRegistry} and the runtime,
 * {@link io.github.mlhighway.lifecycle.core.runtime.Lifecycle} (on the test clock and store, driven by the clock).
 *
 * <pre>{@code
 * @LifecycleTest
 * class CheckoutSloTest {
 *     @Test
 *     void aBurstPages(TestClock clock, Lifecycle lifecycle) {
 *         SloTracker checkout = lifecycle.slo(Slo.ratio("checkout").objective(0.99).build());
 *         clock.run(Duration.ofHours(1), Duration.ofMinutes(1), minute -> checkout.record(500, 1_000));
 *         assertThat(checkout).hasAlertFiring(Severity.PAGE);
 *     }
 * }
 * }</pre>
 * @since 0.1
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LifecycleExtension.class)
public @interface LifecycleTest {
}
