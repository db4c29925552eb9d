package io.github.mlhighway.lifecycle.serving;

/**
 * A model behind guards: every call is routed to a version, measured against SLOs, and answered by a fallback
 * when the version fails, times out or is over its concurrency limit.
 *
 * @param <I> input type
 * @param <O> output type
 * @since 0.1
 */
public interface GuardedPredictor<I, O> {

    /**
     * Answers one request, routed by a sticky key (a user or session id): the same key keeps its version while
     * the release's weights stay the same.
     *
     * @param requestId  the request's id, used to join a delayed label later
     * @param routingKey the sticky routing key
     * @param input      the model input
     * @return the model's (or the fallback's) answer
     * @throws BulkheadFullException      if the bulkhead is full and there is no fallback
     * @throws PredictionTimeoutException if the model timed out and there is no fallback
     * @throws RuntimeException           what the model threw, if there is no fallback
     */
    O predict(String requestId, String routingKey, I input);

    /**
     * Answers one request, routed by its request id (no stickiness across requests).
     *
     * @param requestId the request's id, also the routing key
     * @param input     the model input
     * @return the model's (or the fallback's) answer
     */
    default O predict(String requestId, I input) {
        return predict(requestId, requestId, input);
    }

    /**
     * Reports the ground truth of an earlier request. Labels for unknown or expired request ids, and second labels
     * for the same id, are counted and otherwise ignored; labels may arrive in any order.
     *
     * @param requestId the id the prediction was made under
     * @param actual    the true outcome, of the type the label judge expects
     * @return true if the label was joined with a stored prediction and counted in the quality SLI
     */
    boolean label(String requestId, Object actual);
}
