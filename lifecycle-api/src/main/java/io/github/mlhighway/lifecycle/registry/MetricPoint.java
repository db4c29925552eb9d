package io.github.mlhighway.lifecycle.registry;

import java.time.Instant;

/**
 * One value of a metric in a model's history: the value a version was registered with.
 *
 * @param version   the version
 * @param createdAt when the version was registered
 * @param value     the metric's value
 * @since 0.1
 */
public record MetricPoint(int version, Instant createdAt, double value) {
}
