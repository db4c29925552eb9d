package io.github.mlhighway.lifecycle.serving;

import java.time.Duration;

/**
 * A model version did not answer within the guarded model's timeout.
 *
 * @since 0.1
 */
public class PredictionTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception naming the model, the version and the timeout.
     *
     * @param model   the guarded model's name
     * @param version the version that did not answer
     * @param timeout the timeout
     */
    public PredictionTimeoutException(String model, String version, Duration timeout) {
        super("Model '" + model + "' version '" + version + "' did not answer within " + timeout);
    }
}
