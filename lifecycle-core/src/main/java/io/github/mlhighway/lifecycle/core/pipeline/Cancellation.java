package io.github.mlhighway.lifecycle.core.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cooperative cancellation of a run: {@link #cancel(String)} from any thread, and the running stage sees it at
 * its next {@code checkCancelled()}; no further stage or retry starts, and a wait between retries
 * ({@link #await(Duration)}) ends at once. Thread-safe.
 *
 * @since 0.1
 */
public final class Cancellation {

    private final AtomicReference<String> reason = new AtomicReference<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);

    /**
     * Requests cancellation; the first reason wins.
     *
     * @param why a reason, recorded in the run
     */
    public void cancel(String why) {
        reason.compareAndSet(null, why == null ? "cancelled" : why);
        cancelled.countDown();
    }

    /** @return true once cancelled */
    public boolean isCancelled() {
        return reason.get() != null;
    }

    /** @return the reason, once cancelled */
    public Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }

    /**
     * Waits until cancelled or until the timeout passes, whichever comes first.
     *
     * @param timeout the longest wait; zero or negative does not wait
     * @return true when cancelled
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public boolean await(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            return isCancelled();
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = Long.MAX_VALUE;
        }
        return cancelled.await(nanos, TimeUnit.NANOSECONDS);
    }
}
