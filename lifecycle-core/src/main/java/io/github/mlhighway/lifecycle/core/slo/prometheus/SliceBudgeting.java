package io.github.mlhighway.lifecycle.core.slo.prometheus;

import io.github.mlhighway.lifecycle.core.slo.DurationLabels;
import io.github.mlhighway.lifecycle.slo.BudgetingMethod;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.Timeslices;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rules lose for a Timeslices or RatioTimeslices SLO: they judge the events of each window, never a
 * slice, so the slice window (and a Timeslices slice target) are not exported. The event-ratio burn-rate alerts
 * are still the right signal: a slice goes bad because its events do.
 */
final class SliceBudgeting {

    private SliceBudgeting() {
    }

    /**
     * The caveat of an SLO, one line of text.
     *
     * @param slo any SLO
     * @return empty for Occurrences budgeting
     */
    static Optional<String> caveat(Slo slo) {
        if (slo.budgetingMethod() == BudgetingMethod.OCCURRENCES) {
            return Optional.empty();
        }
        Timeslices slices = slo.timeslices();
        String lost = slo.budgetingMethod() == BudgetingMethod.TIMESLICES
                ? "slice target " + Objects.requireNonNull(slices).operator().openSloName() + " " + slices.target() + " and slice window "
                        + DurationLabels.of(slices.slice())
                : "slice window " + DurationLabels.of(Objects.requireNonNull(slices).slice());
        return Optional.of("SLO '" + slo.name() + "' uses budgetingMethod " + slo.budgetingMethod().openSloName()
                + ", but these rules judge events, not slices: objective, error budget and burn-rate alerts are "
                + "computed from the event error ratio; not exported: " + lost);
    }
}
