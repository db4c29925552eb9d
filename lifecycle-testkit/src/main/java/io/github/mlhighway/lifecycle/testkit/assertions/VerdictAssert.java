package io.github.mlhighway.lifecycle.testkit.assertions;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a gate {@link Verdict}; failure messages show {@link Verdict#describe()}.
 *
 * @since 0.1
 */
public final class VerdictAssert extends AbstractAssert<VerdictAssert, Verdict> {

    /**
     * @param actual the verdict under test
     */
    public VerdictAssert(Verdict actual) {
        super(actual, VerdictAssert.class);
    }

    /**
     * Verifies the verdict lets the guarded thing proceed: its outcome is PASS or WARN.
     *
     * @return this
     */
    public VerdictAssert passed() {
        isNotNull();
        if (!actual.allowsProceeding()) {
            failWithMessage("Expected the verdict to pass (PASS or WARN), but it was:%n%s", actual.describe());
        }
        return this;
    }

    /**
     * Verifies the verdict's outcome is FAIL.
     *
     * @return this
     */
    public VerdictAssert failed() {
        return hasOutcome(Outcome.FAIL);
    }

    /**
     * Verifies the verdict's outcome is INCONCLUSIVE.
     *
     * @return this
     */
    public VerdictAssert inconclusive() {
        return hasOutcome(Outcome.INCONCLUSIVE);
    }

    /**
     * Verifies the verdict's outcome exactly.
     *
     * @param expected the outcome
     * @return this
     */
    public VerdictAssert hasOutcome(Outcome expected) {
        isNotNull();
        if (actual.outcome() != expected) {
            failWithMessage("Expected the verdict to be %s, but it was:%n%s", expected, actual.describe());
        }
        return this;
    }

    /**
     * Verifies the verdict has a finding for the check, whatever its outcome.
     *
     * @param check the check name
     * @return this
     */
    public VerdictAssert hasFinding(String check) {
        isNotNull();
        if (finding(check).isEmpty()) {
            failWithMessage("Expected the verdict to have a finding for check '%s', but it was:%n%s", check,
                    actual.describe());
        }
        return this;
    }

    /**
     * Verifies the verdict has a FAIL finding for the check.
     *
     * @param check the check name
     * @return this
     */
    public VerdictAssert hasFailedFinding(String check) {
        isNotNull();
        boolean failed = actual.findings().stream()
                .anyMatch(f -> f.check().equals(check) && f.outcome() == Outcome.FAIL);
        if (!failed) {
            failWithMessage("Expected the verdict to have a FAIL finding for check '%s', but it was:%n%s", check,
                    actual.describe());
        }
        return this;
    }

    private Optional<Finding> finding(String check) {
        return actual.findings().stream().filter(f -> f.check().equals(check)).findFirst();
    }
}
