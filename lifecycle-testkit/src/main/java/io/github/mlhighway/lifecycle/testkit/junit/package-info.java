/**
 * JUnit 5 integration: {@link io.github.mlhighway.lifecycle.testkit.junit.LifecycleTest @LifecycleTest} (or
 * {@code @ExtendWith(LifecycleExtension.class)}) injects a fresh test clock, a temporary embedded store, an SLO
 * registry driven by that clock and a model registry on that store into test and lifecycle methods, and cleans
 * them up after each test.
 */
@NullMarked
package io.github.mlhighway.lifecycle.testkit.junit;

import org.jspecify.annotations.NullMarked;
