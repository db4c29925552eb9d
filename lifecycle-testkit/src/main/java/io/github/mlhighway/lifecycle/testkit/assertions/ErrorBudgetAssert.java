package io.github.mlhighway.lifecycle.testkit.assertions;

import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link ErrorBudget}; failure messages show the budget's numbers.
 *
 * @since 0.1
 */
public final class ErrorBudgetAssert extends AbstractAssert<ErrorBudgetAssert, ErrorBudget> {

    /**
     * @param actual the budget under test
     */
    public ErrorBudgetAssert(ErrorBudget actual) {
        super(actual, ErrorBudgetAssert.class);
    }

    /**
     * Verifies at least the given fraction of the budget remains.
     *
     * @param fraction the minimum remaining fraction, e.g. {@code 0.5} for half the budget
     * @return this
     */
    public ErrorBudgetAssert hasRemainingAtLeast(double fraction) {
        isNotNull();
        if (!(actual.remainingFraction() >= fraction)) {
            failWithMessage("Expected at least %s of the error budget to remain, but %s remained:%n%s", fraction,
                    number(actual.remainingFraction()), describe(actual));
        }
        return this;
    }

    /**
     * Verifies the budget is exhausted (nothing remains).
     *
     * @return this
     */
    public ErrorBudgetAssert isExhausted() {
        isNotNull();
        if (!actual.isExhausted()) {
            failWithMessage("Expected the error budget to be exhausted, but %s remained:%n%s",
                    number(actual.remainingFraction()), describe(actual));
        }
        return this;
    }

    /**
     * Verifies the budget is not exhausted.
     *
     * @return this
     */
    public ErrorBudgetAssert isNotExhausted() {
        isNotNull();
        if (actual.isExhausted()) {
            failWithMessage("Expected the error budget not to be exhausted, but it was:%n%s", describe(actual));
        }
        return this;
    }

    /**
     * Verifies the burn rate (over the budget's burn-rate window) is at least the given rate.
     *
     * @param rate the minimum burn rate, 1 meaning the budget lasts exactly the SLO window
     * @return this
     */
    public ErrorBudgetAssert hasBurnRateAtLeast(double rate) {
        isNotNull();
        if (!(actual.burnRate() >= rate)) {
            failWithMessage("Expected a burn rate of at least %s, but it was %s:%n%s", rate,
                    number(actual.burnRate()),
                    describe(actual));
        }
        return this;
    }

    /**
     * Verifies the burn rate is at most the given rate.
     *
     * @param rate the maximum burn rate
     * @return this
     */
    public ErrorBudgetAssert hasBurnRateAtMost(double rate) {
        isNotNull();
        if (!(actual.burnRate() <= rate)) {
            failWithMessage("Expected a burn rate of at most %s, but it was %s:%n%s", rate,
                    number(actual.burnRate()),
                    describe(actual));
        }
        return this;
    }

    /**
     * The budget's numbers, one line each, for failure messages.
     *
     * @param budget the budget
     * @return the text
     */
    static String describe(ErrorBudget budget) {
        return String.format(Locale.ROOT, "  slo:              %s%n  at:               %s (window from %s, %s)%n"
                        + "  objective:        %s%n  sli:              %s%n  eligible events:  %d%n"
                        + "  bad events:       %s (allowed %s)%n  consumed:         %s%n  remaining:        %s%n"
                        + "  burn rate:        %s over %s%n  exhaustion in:    %s",
                budget.slo(), budget.at(), budget.windowStart(), budget.method(), number(budget.objective()),
                number(budget.sli()), budget.eligible(), number(budget.bad()), number(budget.allowedBad()),
                number(budget.consumedFraction()), number(budget.remainingFraction()), number(budget.burnRate()),
                budget.burnRateWindow(),
                budget.timeToExhaustion().map(Object::toString).orElse("never at this rate"));
    }

    /**
     * A number to six significant digits, without trailing zeros, for failure messages.
     *
     * @param value the number
     * @return the text
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
