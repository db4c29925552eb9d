package io.github.mlhighway.lifecycle.core.policy;

import io.github.mlhighway.lifecycle.slo.Severity;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A condition on one SLO's {@link BudgetState}, with a description used in decision reasons.
 *
 * @param description what the condition means, e.g. {@code "error budget exhausted"}
 * @param test        the predicate
 * @since 0.1
 */
public record BudgetCondition(String description, Predicate<BudgetState> test) {

    /** Validates the components. */
    public BudgetCondition {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(test, "test");
    }

    /**
     * Whether the condition holds for a state.
     *
     * @param state the state of one SLO
     * @return true when it holds
     */
    public boolean holds(BudgetState state) {
        return test.test(state);
    }

    /**
     * The budget is spent: nothing remains over the SLO window (the SLO is out of objective).
     *
     * @return the condition
     */
    public static BudgetCondition exhausted() {
        return new BudgetCondition("error budget exhausted", state -> state.budget().isExhausted());
    }

    /**
     * Less than the given share of the budget remains.
     *
     * @param fraction a share in (0, 1], e.g. 0.25
     * @return the condition
     */
    public static BudgetCondition remainingBelow(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("Remaining-budget fraction must be in (0, 1], was " + fraction);
        }
        return new BudgetCondition(String.format(Locale.ROOT, "less than %.1f%% of the error budget remains",
                fraction * 100), state -> state.budget().remainingFraction() < fraction);
    }

    /**
     * The current burn rate (over the tracker's burn-rate window, 1h by default) is at least a factor.
     *
     * @param factor a positive burn rate
     * @return the condition
     */
    public static BudgetCondition burnRateAtLeast(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("Burn-rate factor must be positive and finite, was " + factor);
        }
        return new BudgetCondition(String.format(Locale.ROOT, "burn rate at least %.3g", factor),
                state -> state.budget().burnRate() >= factor);
    }

    /**
     * An alert tier of the given severity is alerting.
     *
     * @param severity page or ticket
     * @return the condition
     */
    public static BudgetCondition alerting(Severity severity) {
        Objects.requireNonNull(severity, "severity");
        return new BudgetCondition("a " + severity.label() + " alert is firing", state -> state.alerting(severity));
    }

    /**
     * Any condition of the team's own.
     *
     * @param description what it means, for decision reasons
     * @param test        the predicate
     * @return the condition
     */
    public static BudgetCondition of(String description, Predicate<BudgetState> test) {
        return new BudgetCondition(description, test);
    }
}
