package io.github.mlhighway.lifecycle.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * One tier of a multi-window, multi-burn-rate alert (SRE Workbook, "Alerting on SLOs"): it fires when the burn
 * rate over both the long and the short window is at least {@code factor}. The short window makes the alert
 * reset quickly once the burning stops.
 *
 * @param id          stable identifier, unique within an {@link AlertPolicy} (e.g. {@code page-1h})
 * @param severity    page or ticket
 * @param longWindow  the window that must show sustained burning
 * @param shortWindow the window that confirms it is still happening; shorter than the long window
 * @param factor      the burn rate that fires the tier (1.0 spends exactly the budget over the SLO period)
 * @param enabled     disabled tiers are kept (and exported as comments) but never fire
 * @since 0.1
 */
public record BurnRateTier(String id, Severity severity, Duration longWindow, Duration shortWindow, double factor,
                           boolean enabled) {

    /** Validates each component. */
    public BurnRateTier {
        Slo.requireName(id, "alert tier id");
        Objects.requireNonNull(severity, "severity");
        requireWindow(longWindow, "longWindow", id);
        requireWindow(shortWindow, "shortWindow", id);
        if (shortWindow.compareTo(longWindow) >= 0) {
            throw new IllegalArgumentException("Alert tier '" + id + "': shortWindow " + shortWindow
                    + " must be shorter than longWindow " + longWindow);
        }
        if (!(factor > 0.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("Alert tier '" + id + "': factor must be positive and finite, was "
                    + factor);
        }
    }

    /**
     * A tier defined by the share of the period's budget it tolerates spending in its long window, the way the
     * SRE Workbook states its defaults: factor = budgetFraction &times; period / longWindow.
     *
     * @param id             tier id
     * @param severity       page or ticket
     * @param longWindow     long window
     * @param shortWindow    short window
     * @param budgetFraction share of the budget, in (0, 1], e.g. 0.02 for 2%
     * @param period         the SLO period the fraction refers to
     * @return the tier
     */
    public static BurnRateTier forBudget(String id, Severity severity, Duration longWindow, Duration shortWindow,
                                         double budgetFraction, Duration period) {
        if (!(budgetFraction > 0.0 && budgetFraction <= 1.0)) {
            throw new IllegalArgumentException(
                    "Alert tier '" + id + "': budget fraction must be in (0, 1], was " + budgetFraction);
        }
        Objects.requireNonNull(period, "period");
        double factor = budgetFraction * seconds(period) / seconds(longWindow);
        return new BurnRateTier(id, severity, longWindow, shortWindow, factor, true);
    }

    /**
     * The share of the budget this tier lets burn in its long window before firing.
     *
     * @param period the SLO period
     * @return factor &times; longWindow / period
     */
    public double budgetFraction(Duration period) {
        return factor * seconds(longWindow) / seconds(period);
    }

    /**
     * The same tier, enabled or not.
     *
     * @param on whether the tier may fire
     * @return the tier
     */
    public BurnRateTier withEnabled(boolean on) {
        return new BurnRateTier(id, severity, longWindow, shortWindow, factor, on);
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    private static void requireWindow(Duration window, String what, String id) {
        Objects.requireNonNull(window, what);
        if (window.isNegative() || window.isZero() || window.getNano() != 0) {
            throw new IllegalArgumentException("Alert tier '" + id + "': " + what
                    + " must be a positive whole number of seconds, was " + window);
        }
        TimeWindow.requireAtMostMax(window, "Alert tier '" + id + "': " + what);
    }
}
