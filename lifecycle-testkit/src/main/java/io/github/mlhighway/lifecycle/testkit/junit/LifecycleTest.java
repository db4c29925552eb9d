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
 * {@link io.github.mlhighway.lifecycle.core.slo.SloRegistry} and
 * {@link io.github.mlhighway.lifecycle.registry.ModelRegistry}.
 *
 * <pre>{@code
 * @LifecycleTest
 * class CheckoutSloTest {
 *     @Test
 *     void aBurstPages(TestClock clock, SloRegistry slos) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LifecycleExtension.class)
public @interface LifecycleTest {
}
