package io.github.mlhighway.lifecycle.core.pipeline;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cooperative cancellation of a run: {@link #cancel(String)} from any thread, and the running stage sees it at
 * its next {@code checkCancelled()}; no further stage or retry starts. Thread-safe.
 */
public final class Cancellation {

    private final AtomicReference<String> reason = new AtomicReference<>();

    /**
     * Requests cancellation; the first reason wins.
     *
     * @param why a reason, recorded in the run
     */
    public void cancel(String why) {
        reason.compareAndSet(null, why == null ? "cancelled" : why);
    }

    /** @return true once cancelled */
    public boolean isCancelled() {
        return reason.get() != null;
    }

    /** @return the reason, once cancelled */
    public Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }
}
