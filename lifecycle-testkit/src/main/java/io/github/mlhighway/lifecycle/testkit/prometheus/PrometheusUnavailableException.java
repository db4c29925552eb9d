package io.github.mlhighway.lifecycle.testkit.prometheus;

/**
 * No Prometheus server binary can be found for the tests; the message says what to install or set.
 *
 * @since 0.1
 */
public class PrometheusUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and how to provide it
     */
    public PrometheusUnavailableException(String message) {
        super(message);
    }
}
