package io.github.mlhighway.lifecycle.core.incident;

import io.github.mlhighway.lifecycle.slo.AlertState;
import io.github.mlhighway.lifecycle.slo.AlertStatus;
import io.github.mlhighway.lifecycle.slo.BudgetingMethod;
import io.github.mlhighway.lifecycle.slo.BurnRate;
import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import io.github.mlhighway.lifecycle.slo.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Hand-made alert states and budgets of a 99% SLO, for tests that need exact numbers. */
final class Alerts {

    static final BurnRateTier PAGE = new BurnRateTier("page-1h", Severity.PAGE, Duration.ofHours(1),
            Duration.ofMinutes(5), 14.4, true);

    private Alerts() {
    }

    /** The page tier of {@code slo}, firing at 20x or quiet at 0.5x. */
    static List<AlertState> page(String slo, boolean firing) {
        double rate = firing ? 20.0 : 0.5;
        BurnRate burn = new BurnRate(Duration.ofHours(1), 100, rate, rate / 100, rate);
        return List.of(new AlertState(slo, PAGE, firing ? AlertStatus.FIRING : AlertStatus.OK, burn, burn,
                firing ? "burning at 20.0x" : "quiet"));
    }

    /** A 99% Occurrences budget with {@code bad} bad events out of {@code eligible}. */
    static ErrorBudget budget(String slo, Instant at, long eligible, double bad) {
        double allowed = 0.01 * eligible;
        double consumed = bad / allowed;
        return new ErrorBudget(slo, at, at.minus(Duration.ofDays(30)), BudgetingMethod.OCCURRENCES, 0.99, eligible,
                bad, allowed, 1.0 - bad / eligible, consumed, 1.0 - consumed, 20.0, Duration.ofHours(1),
                Optional.of(Duration.ZERO));
    }
}
