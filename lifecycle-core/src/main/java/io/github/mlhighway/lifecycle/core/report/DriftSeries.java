package io.github.mlhighway.lifecycle.core.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded drift reports of one subject.
 *
 * @param subject what was compared with the reference, e.g. {@code serving-traffic}
 * @param points  its reports, oldest first, one per instant
 * @since 0.1
 */
public record DriftSeries(String subject, List<DriftPoint> points) {

    /** Validates and copies the components. */
    public DriftSeries {
        Objects.requireNonNull(subject, "subject");
        points = List.copyOf(points);
    }

    /** @return the newest report, empty when there is none */
    public Optional<DriftPoint> latest() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }
}
