package io.github.mlhighway.lifecycle.core.pipeline;

import java.time.Duration;

/** Waits between retries. Tests inject one that advances a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the current thread with {@link Thread#sleep(long)}. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
