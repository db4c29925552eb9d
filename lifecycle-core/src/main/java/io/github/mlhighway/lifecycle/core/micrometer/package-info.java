/**
 * Exports SLO state through <a href="https://micrometer.io">Micrometer</a>, so that a fleet is judged by its
 * monitoring system exactly as one process judges itself.
 *
 * <p>Micrometer is an <em>optional</em> dependency of {@code lifecycle-core}: add {@code io.micrometer:micrometer-core}
 * to your application to use this package. No class outside this package refers to Micrometer, so applications
 * without it never load these classes.
 *
 * <pre>{@code
 * SloRegistry slos = SloRegistry.create(clock);
 * slos.register(availability);
 * SloMeters.of(slos, clock).bindTo(meterRegistry);
 * }</pre>
 *
 * @see io.github.mlhighway.lifecycle.core.micrometer.SloMeters
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.micrometer;

import org.jspecify.annotations.NullMarked;
