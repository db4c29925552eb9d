package io.github.mlhighway.lifecycle.testkit.scenario;

/**
 * Thrown by a model wrapped with {@link Scenario#simulate} when the scenario's error rate says this call fails.
 *
 * @since 0.1
 */
public final class SimulatedFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure at a simulated time.
     *
     * @param message what failed and when
     */
    public SimulatedFailureException(String message) {
        super(message, null, false, false);
    }
}
