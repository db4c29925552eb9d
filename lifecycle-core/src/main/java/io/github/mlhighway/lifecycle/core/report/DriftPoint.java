package io.github.mlhighway.lifecycle.core.report;

import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A drift report of one subject at one instant, as recorded for the report.
 *
 * @param at           when
 * @param subject      what was compared with the reference, e.g. {@code serving-traffic}
 * @param status       the data-set decision
 * @param driftedShare the share of tested columns that drifted
 * @param driftShare   the share threshold for data-set drift
 * @param message      the data-set sentence
 * @param columns      one entry per column, in report order
 */
public record DriftPoint(Instant at, String subject, DriftStatus status, double driftedShare, double driftShare,
                         String message, List<ColumnDriftPoint> columns) {

    /** Validates and copies the components. */
    public DriftPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
