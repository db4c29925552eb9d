package io.github.mlhighway.lifecycle.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link LifecycleConfigurationException} as Spring Boot's start-up failure analysis: the property, its
 * value and what is wrong, and the action to take. Registered in {@code META-INF/spring.factories}.
 *
 * @since 0.1
 */
public class LifecycleFailureAnalyzer extends AbstractFailureAnalyzer<LifecycleConfigurationException> {

    /** The analyzer (instantiated by Spring Boot). */
    public LifecycleFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LifecycleConfigurationException cause) {
        String description = "The Lifecycle runtime could not be configured from property '" + cause.property()
                + "'.\n\n    Property: " + cause.property() + "\n    Value: " + cause.value() + "\n    Reason: "
                + cause.reason();
        String action = "Fix property '" + cause.property() + "' (in application.yml, application.properties or the "
                + "environment), or remove it to use its default.";
        return new FailureAnalysis(description, action, cause);
    }
}
