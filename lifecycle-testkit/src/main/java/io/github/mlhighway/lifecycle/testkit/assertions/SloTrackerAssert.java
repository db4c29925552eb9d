package io.github.mlhighway.lifecycle.testkit.assertions;

import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.AlertStatus;
import io.github.mlhighway.lifecycle.slo.BurnRate;
import io.github.mlhighway.lifecycle.slo.Severity;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link SloTracker}'s burn-rate alerts. Each assertion reads {@link SloTracker#alerts()} (which
 * ticks the tracker to its clock's present) and, on failure, shows every alert tier with both windows' burn rates.
 *
 * @since 0.1
 */
public final class SloTrackerAssert extends AbstractAssert<SloTrackerAssert, SloTracker> {

    /**
     * @param actual the tracker under test
     */
    public SloTrackerAssert(SloTracker actual) {
        super(actual, SloTrackerAssert.class);
    }

    /**
     * Verifies an alert tier of the given severity is {@link AlertStatus#FIRING}.
     *
     * @param severity the severity
     * @return this
     */
    public SloTrackerAssert hasAlertFiring(Severity severity) {
        isNotNull();
        List<AlertState> alerts = actual.alerts();
        boolean firing = alerts.stream()
                .anyMatch(a -> a.status() == AlertStatus.FIRING && a.severity() == severity);
        if (!firing) {
            failWithMessage("Expected a %s alert firing for SLO '%s', but none was:%n%s", severity,
                    actual.slo().name(), describe(alerts));
        }
        return this;
    }

    /**
     * Verifies no alert tier is {@link AlertStatus#FIRING} (a NO_DATA tier does not count as firing).
     *
     * @return this
     */
    public SloTrackerAssert hasNoAlertFiring() {
        isNotNull();
        List<AlertState> alerts = actual.alerts();
        if (alerts.stream().anyMatch(a -> a.status() == AlertStatus.FIRING)) {
            failWithMessage("Expected no alert firing for SLO '%s', but:%n%s", actual.slo().name(),
                    describe(alerts));
        }
        return this;
    }

    /**
     * Continues with assertions on the tracker's current error budget.
     *
     * @return the budget assertion
     */
    public ErrorBudgetAssert budget() {
        isNotNull();
        return new ErrorBudgetAssert(actual.budget());
    }

    private static String describe(List<AlertState> alerts) {
        if (alerts.isEmpty()) {
            return "  (the SLO has no alert tiers)";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "  %-12s %-8s %-8s %-24s %-24s %s",
                "tier", "severity", "status", "long window burn", "short window burn", "reason"));
        for (AlertState alert : alerts) {
            text.append(String.format(Locale.ROOT, "%n  %-12s %-8s %-8s %-24s %-24s %s", alert.tier().id(),
                    alert.severity(), alert.status(), burn(alert.longBurn()), burn(alert.shortBurn()),
                    alert.reason()));
        }
        return text.toString();
    }

    private static String burn(BurnRate rate) {
        if (rate == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3g over %s (n=%d)", rate.burnRate(), rate.window(), rate.eligible());
    }
}
