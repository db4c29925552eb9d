package io.github.mlhighway.lifecycle.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * How timeslice budgeting cuts the window: the slice length and, for {@link BudgetingMethod#TIMESLICES}, the
 * ratio a slice must reach to count as good.
 *
 * @param slice    slice length: positive, whole seconds (OpenSLO {@code timeSliceWindow})
 * @param operator how the slice's good-event ratio is compared with the target (usually {@link Operator#GTE})
 * @param target   the slice target in [0, 1] (OpenSLO {@code timeSliceTarget}); ignored by RatioTimeslices
 * @since 0.1
 */
public record Timeslices(Duration slice, Operator operator, double target) {

    /** Validates the components. */
    public Timeslices {
        Objects.requireNonNull(slice, "slice");
        Objects.requireNonNull(operator, "operator");
        if (slice.isNegative() || slice.isZero() || slice.getNano() != 0) {
            throw new IllegalArgumentException("A time slice must be a positive whole number of seconds, was " + slice);
        }
        TimeWindow.requireAtMostMax(slice, "A time slice");
        if (!(target >= 0.0 && target <= 1.0)) {
            throw new IllegalArgumentException("A time slice target must be in [0, 1], was " + target);
        }
    }

    /**
     * Judges a closed slice.
     *
     * @param good  good events in the slice
     * @param total all events in the slice, positive
     * @return whether the slice is good
     */
    public boolean isGood(long good, long total) {
        return operator.test((double) good / total, target);
    }
}
