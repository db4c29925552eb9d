package io.github.mlhighway.lifecycle.testkit.conformance;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the broken implementations' kit subclasses from running as ordinary tests (where they fail, as they
 * should): they run only when {@link KitRun} launches them, which sets {@value #PARAMETER}.
 */
final class RunOnlyThroughKitRun implements ExecutionCondition {

    /** The configuration parameter {@link KitRun} sets. */
    static final String PARAMETER = "lifecycle.conformance.mutant-run";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).isPresent()
                ? ConditionEvaluationResult.enabled("launched by KitRun")
                : ConditionEvaluationResult.disabled("a broken implementation, run only through KitRun by its mutants test");
    }
}
