package io.github.mlhighway.lifecycle.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The error budget of one SLO at one instant. Units are events for Occurrences, slices for Timeslices, and
 * slice-ratios for RatioTimeslices (a slice at 97% good contributes 0.97 good and 0.03 bad).
 *
 * @param slo               SLO name
 * @param at                when the snapshot was taken
 * @param windowStart       the start of the window the numbers cover
 * @param method            budgeting method
 * @param objective         the objective
 * @param eligible          events (or closed slices) in the window
 * @param bad               bad units in the window
 * @param allowedBad        how many bad units the window tolerates: {@code (1 - objective) * eligible} for
 *                          Occurrences and RatioTimeslices, {@code (1 - objective) * slicesPerWindow} for Timeslices
 * @param sli               the SLI over the window, {@code 1 - bad / eligible}; 1.0 when the window is empty
 * @param consumedFraction  share of the budget spent, {@code bad / allowedBad}; above 1.0 when overspent
 * @param remainingFraction {@code 1 - consumedFraction}; negative when overspent
 * @param burnRate          the current burn rate, over {@code burnRateWindow}
 * @param burnRateWindow    the window the current burn rate was measured over
 * @param timeToExhaustion  at the current burn rate, how long until the remaining budget is gone; empty when
 *                          nothing burns, zero when the budget is already gone
 * @since 0.1
 */
public record ErrorBudget(String slo, Instant at, Instant windowStart, BudgetingMethod method, double objective,
                          long eligible, double bad, double allowedBad, double sli, double consumedFraction,
                          double remainingFraction, double burnRate, Duration burnRateWindow,
                          Optional<Duration> timeToExhaustion) {

    /**
     * Whether the budget is spent (nothing remains).
     *
     * @return true when {@code remainingFraction <= 0}
     */
    public boolean isExhausted() {
        return remainingFraction <= 0.0;
    }

    /**
     * Whether the SLO is currently met over its window ({@code sli >= objective}).
     *
     * @return true when within the objective
     */
    public boolean withinObjective() {
        return sli >= objective;
    }

    /**
     * One sentence for people: SLI, objective, budget left, burn rate and, when burning, the time to exhaustion,
     * e.g. {@code "forecast.availability: SLI 0.99980 (objective 0.999) over 30 days, 80.0% of the error budget
     * left, burn rate 0.20"}.
     *
     * @return the sentence
     */
    public String describe() {
        String window = windowStart == null ? "" : " over " + humanDays(Duration.between(windowStart, at));
        String exhaustion = isExhausted() ? ", budget exhausted"
                : timeToExhaustion.map(d -> ", exhausted in " + d.toHours() + " h at this rate").orElse("");
        return String.format(java.util.Locale.ROOT, "%s: SLI %.5f (objective %s)%s, %.1f%% of the error budget left,"
                + " burn rate %.2f%s", slo, sli, objective, window, remainingFraction * 100, burnRate, exhaustion);
    }

    private static String humanDays(Duration length) {
        long hours = length.toHours();
        return hours >= 48 ? Math.round(hours / 24.0) + " days" : hours + " h";
    }
}
