package io.github.mlhighway.lifecycle.core.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded points of one SLO.
 *
 * @param slo    SLO name
 * @param points its points, oldest first, one per instant
 * @since 0.1
 */
public record SloSeries(String slo, List<SloPoint> points) {

    /** Validates and copies the components. */
    public SloSeries {
        Objects.requireNonNull(slo, "slo");
        points = List.copyOf(points);
    }

    /** @return the newest point, empty when there is none */
    public Optional<SloPoint> latest() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }
}
