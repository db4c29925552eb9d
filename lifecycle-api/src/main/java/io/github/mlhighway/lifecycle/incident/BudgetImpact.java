package io.github.mlhighway.lifecycle.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * What an incident cost one SLO's error budget, as fractions of the budget (0.25 = a quarter of the budget).
 *
 * @param slo             SLO name
 * @param consumedBefore  budget consumed at the last healthy observation before the incident (or at its
 *                        opening when none was seen)
 * @param consumedLatest  budget consumed at the latest observation during the incident
 * @param remainingLatest budget remaining at the latest observation
 * @param peakBurnRate    the highest burn rate seen during the incident (over any alert window)
 * @param updatedAt       when the numbers were last updated
 */
public record BudgetImpact(String slo, double consumedBefore, double consumedLatest, double remainingLatest,
                           double peakBurnRate, Instant updatedAt) {

    /** Validates the components. */
    public BudgetImpact {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * The share of the budget spent during the incident; never negative (a rolling window may forget old errors).
     *
     * @return {@code max(0, consumedLatest - consumedBefore)}
     */
    public double consumedDuring() {
        return Math.max(0.0, consumedLatest - consumedBefore);
    }
}
