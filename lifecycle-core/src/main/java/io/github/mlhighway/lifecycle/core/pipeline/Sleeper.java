package io.github.mlhighway.lifecycle.core.pipeline;

import java.time.Duration;

/**
 * Waits between retries. Tests inject one that advances a fake clock instead of sleeping. The runner calls
 * {@link #sleep(Duration, Cancellation)}, already shortened to the time left before the run's deadline, so a
 * sleeper that honours the cancellation lets a cancelled run stop at once instead of after the backoff.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits on the run's {@link Cancellation} with a timeout ({@link Cancellation#await(Duration)}), so
     * {@link Cancellation#cancel(String)} or an interrupt ends the wait at once.
     */
    Sleeper THREAD = new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }

        @Override
        public void sleep(Duration duration, Cancellation cancellation) throws InterruptedException {
            cancellation.await(duration);
        }

        @Override
        public String toString() {
            return "Sleeper.THREAD";
        }
    };

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Waits, returning early when the run is cancelled. The default ignores the cancellation and calls
     * {@link #sleep(Duration)}; the runner checks the cancellation again right after.
     *
     * @param duration     how long at most
     * @param cancellation the run's cancellation
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    default void sleep(Duration duration, Cancellation cancellation) throws InterruptedException {
        sleep(duration);
    }
}
