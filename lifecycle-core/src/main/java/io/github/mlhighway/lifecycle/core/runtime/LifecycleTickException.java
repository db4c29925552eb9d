package io.github.mlhighway.lifecycle.core.runtime;

import java.time.Instant;
import java.util.List;

/**
 * One or more parts of a {@link Lifecycle#tick()} threw; every other part still ran. The first failure is the
 * cause, the others are suppressed.
 *
 * @since 0.1
 */
public final class LifecycleTickException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param at       the tick's time
     * @param failures what failed, each naming its part
     */
    public LifecycleTickException(Instant at, List<? extends RuntimeException> failures) {
        super("The Lifecycle tick at " + at + " had " + failures.size() + " failure(s): "
                + failures.get(0).getMessage(), failures.get(0));
        for (int i = 1; i < failures.size(); i++) {
            addSuppressed(failures.get(i));
        }
    }
}
