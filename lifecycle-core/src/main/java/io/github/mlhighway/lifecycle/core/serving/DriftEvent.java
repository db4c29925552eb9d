package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The drift of one closed serving window against the training profile.
 *
 * @param model       the guarded model's name
 * @param windowStart start of the window (inclusive)
 * @param windowEnd   end of the window (exclusive)
 * @param rows        rows profiled in the window
 * @param skipped     rows not profiled because the profiler was busy (sampling under contention)
 * @param report      the drift report: per-column tests, statistics, thresholds, and the data-set decision
 * @since 0.1
 */
public record DriftEvent(String model, Instant windowStart, Instant windowEnd, long rows, long skipped,
                         DriftReport report) {

    /** Validates the components. */
    public DriftEvent {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(report, "report");
    }

    /**
     * Whether the data set drifted in this window.
     *
     * @return true when the report's status is {@link DriftStatus#DRIFTED}
     */
    public boolean drifted() {
        return report.status() == DriftStatus.DRIFTED;
    }
}
