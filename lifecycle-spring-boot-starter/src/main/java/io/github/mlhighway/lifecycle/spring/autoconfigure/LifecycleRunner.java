package io.github.mlhighway.lifecycle.spring.autoconfigure;

import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the auto-configured {@link Lifecycle} when the application context has started (after every bean that
 * registers SLOs or models was created, so the saved state of all of them is restored) and closes it when the
 * context stops (which saves every SLO's state to the store). Runs in phase {@value #PHASE}: before the web server
 * takes traffic, and after it has stopped taking traffic, so no request of a graceful shutdown is lost from the
 * saved state.
 *
 * <p>A {@link Lifecycle} cannot be restarted: once stopped, {@link #start()} throws.
 *
 * @since 0.1
 */
public final class LifecycleRunner implements SmartLifecycle {

    /** The phase: lower than the web server's, so started before it and stopped after it. */
    public static final int PHASE = 0;

    private final Lifecycle lifecycle;
    private volatile boolean running;

    /**
     * A runner for one runtime.
     *
     * @param lifecycle the runtime
     */
    public LifecycleRunner(Lifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    @Override
    public synchronized void start() {
        lifecycle.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        lifecycle.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
