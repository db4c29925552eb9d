package io.github.mlhighway.lifecycle.core.report;

import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A drift report of one subject at one instant, as recorded for the report. Shares that were not finite are null
 * and {@code notes} says why.
 *
 * @param at           when
 * @param subject      what was compared with the reference, e.g. {@code serving-traffic}
 * @param status       the data-set decision
 * @param driftedShare the share of tested columns that drifted, or null when it was not finite
 * @param driftShare   the share threshold for data-set drift, or null when it was not finite
 * @param message      the data-set sentence
 * @param columns      one entry per column, in report order
 * @param notes        why a share is null, empty when none is
 * @since 0.1
 */
public record DriftPoint(Instant at, String subject, DriftStatus status, @Nullable Double driftedShare,
                         @Nullable Double driftShare,
                         String message, List<ColumnDriftPoint> columns, List<String> notes) {

    /** Validates and copies the components. */
    public DriftPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        columns = columns == null ? List.of() : List.copyOf(columns);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * A point without notes (the form before shares could be null).
     *
     * @param at           when
     * @param subject      what was compared with the reference
     * @param status       the data-set decision
     * @param driftedShare the share of tested columns that drifted, or null
     * @param driftShare   the share threshold for data-set drift, or null
     * @param message      the data-set sentence
     * @param columns      one entry per column, in report order
     */
    public DriftPoint(Instant at, String subject, DriftStatus status, Double driftedShare, Double driftShare,
                      String message, List<ColumnDriftPoint> columns) {
        this(at, subject, status, driftedShare, driftShare, message, columns, List.of());
    }
}
