package io.github.mlhighway.lifecycle.serving;

/**
 * A call was rejected because the model already runs as many calls as its bulkhead allows.
 *
 * @since 0.1
 */
public class BulkheadFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception naming the model and the limit.
     *
     * @param model the guarded model's name
     * @param limit the bulkhead's limit of concurrent calls
     */
    public BulkheadFullException(String model, int limit) {
        super("Model '" + model + "' rejected the call: " + limit + " calls are already running, the bulkhead's "
                + "limit; retry later or raise maxConcurrentCalls", null, false, false);
    }
}
