package io.github.mlhighway.lifecycle.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * What an incident cost one SLO's error budget, as fractions of the budget (0.25 = a quarter of the budget; above
 * 1 when the budget is overspent, so a remaining fraction can be negative).
 *
 * @param slo             SLO name
 * @param consumedBefore  budget consumed at the last healthy observation before the incident (or at its
 *                        opening when none was seen); 1 or more when the budget was already spent
 * @param consumedLatest  budget consumed at the latest observation during the incident
 * @param remainingLatest budget remaining at the latest observation ({@code 1 - consumedLatest}, negative when
 *                        overspent)
 * @param peakBurnRate    the highest burn rate seen during the incident (over any alert window)
 * @param updatedAt       when the numbers were last updated
 * @param badBefore       bad units (events or slices) in the SLO window at the {@code consumedBefore} observation
 * @param badLatest       bad units in the SLO window at the latest observation
 * @param allowedLatest   the bad units the SLO window allows at the latest observation; 0 when unknown (then the
 *                        unit counts are not used)
 * @since 0.1
 */
public record BudgetImpact(String slo, double consumedBefore, double consumedLatest, double remainingLatest,
                           double peakBurnRate, Instant updatedAt, double badBefore, double badLatest,
                           double allowedLatest) {

    /** Validates the components. */
    public BudgetImpact {
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * An impact without unit counts ({@link #consumedDuring()} is then the difference of the consumed fractions).
     *
     * @param slo             SLO name
     * @param consumedBefore  budget consumed before the incident
     * @param consumedLatest  budget consumed at the latest observation
     * @param remainingLatest budget remaining at the latest observation
     * @param peakBurnRate    the highest burn rate seen
     * @param updatedAt       when the numbers were last updated
     */
    public BudgetImpact(String slo, double consumedBefore, double consumedLatest, double remainingLatest,
                        double peakBurnRate, Instant updatedAt) {
        this(slo, consumedBefore, consumedLatest, remainingLatest, peakBurnRate, updatedAt, 0.0, 0.0, 0.0);
    }

    /**
     * The share of the (latest) budget spent during the incident; never negative. It counts the bad units that
     * arrived during the incident against the budget the window allows now: the difference of the consumed
     * fractions would mislead whenever the allowed number changes (an Occurrences budget grows with traffic, so a
     * low-traffic SLO can go from 5000% to 2681% consumed while bad events keep arriving). Without unit counts, it
     * is {@code max(0, consumedLatest - consumedBefore)}. A rolling window that forgets old bad units can make it
     * an underestimate, never an overestimate.
     *
     * @return the share of the budget, 1.0 for a whole budget
     */
    public double consumedDuring() {
        if (allowedLatest > 0) {
            return Math.max(0.0, badLatest - badBefore) / allowedLatest;
        }
        return Math.max(0.0, consumedLatest - consumedBefore);
    }

    /**
     * Whether the budget was already spent when the incident started.
     *
     * @return true when {@code consumedBefore >= 1}
     */
    public boolean spentBefore() {
        return consumedBefore >= 1.0;
    }

    /**
     * How far the budget is overspent at the latest observation.
     *
     * @return {@code max(0, -remainingLatest)}, as a share of the budget
     */
    public double overspent() {
        return Math.max(0.0, -remainingLatest);
    }
}
