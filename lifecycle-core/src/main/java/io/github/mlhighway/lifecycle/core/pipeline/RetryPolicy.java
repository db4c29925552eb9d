package io.github.mlhighway.lifecycle.core.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

/**
 * When and how soon a failed stage attempt is tried again: up to {@code maxAttempts} attempts, waiting
 * {@code initialDelay * multiplier^(n-1)} (capped at {@code maxDelay}) after the n-th failure, shortened by a
 * random fraction of at most {@code jitter} so that many runs do not retry in lock step, and only for failures
 * the {@code retryOn} predicate accepts. Deadlines and cancellation are never retried.
 *
 * @param maxAttempts  attempts in total, at least 1
 * @param initialDelay the delay after the first failure
 * @param multiplier   growth per failure, at least 1
 * @param maxDelay     the longest delay
 * @param jitter       fraction in [0, 1]: each delay is drawn uniformly from {@code [d * (1 - jitter), d]}
 * @param retryOn      which failures are worth another attempt
 * @since 0.1
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
        double jitter, Predicate<Throwable> retryOn) {

    /** The default initial delay, 1 second. */
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
    /** The default growth per failure, 2. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** The default cap on a delay, 5 minutes. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(5);
    /** The default jitter, 0.5. */
    public static final double DEFAULT_JITTER = 0.5;
    /** One attempt, no retry: the default of every stage. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO, 0, error -> false);

    /** Validates every argument, naming the bad value. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        requireNotNegative(initialDelay, "initialDelay");
        requireNotNegative(maxDelay, "maxDelay");
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1], was " + jitter);
        }
        Objects.requireNonNull(retryOn, "retryOn");
    }

    /**
     * Exponential backoff with the default delays and jitter, retrying every exception.
     *
     * @param maxAttempts attempts in total
     * @return the policy
     */
    public static RetryPolicy exponential(int maxAttempts) {
        return new RetryPolicy(maxAttempts, DEFAULT_INITIAL_DELAY, DEFAULT_MULTIPLIER, DEFAULT_MAX_DELAY,
                DEFAULT_JITTER, error -> true);
    }

    /**
     * The same policy with another initial delay.
     *
     * @param delay the delay after the first failure
     * @return a new policy
     */
    public RetryPolicy withInitialDelay(Duration delay) {
        return new RetryPolicy(maxAttempts, delay, multiplier, maxDelay, jitter, retryOn);
    }

    /**
     * The same policy with another jitter.
     *
     * @param fraction in [0, 1]
     * @return a new policy
     */
    public RetryPolicy withJitter(double fraction) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, fraction, retryOn);
    }

    /**
     * The same policy retrying only failures of the given kind.
     *
     * @param predicate which failures to retry
     * @return a new policy
     */
    public RetryPolicy retryOn(Predicate<Throwable> predicate) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, jitter, predicate);
    }

    /**
     * Whether another attempt follows a failure.
     *
     * @param failedAttempt the attempt that failed, 1 for the first
     * @param error         what it threw
     * @return true when it should be retried
     */
    public boolean shouldRetry(int failedAttempt, Throwable error) {
        return failedAttempt < maxAttempts && retryOn.test(error);
    }

    /**
     * The delay after a failed attempt.
     *
     * @param failedAttempt the attempt that failed, 1 for the first
     * @param random        the source of jitter (seed it for reproducible runs)
     * @return the delay
     */
    public Duration delayAfter(int failedAttempt, Random random) {
        double base = initialDelay.toNanos() * Math.pow(multiplier, failedAttempt - 1.0);
        double capped = Math.min(base, maxDelay.toNanos());
        double jittered = capped * (1 - jitter * random.nextDouble());
        return Duration.ofNanos(Math.round(jittered));
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }
}
