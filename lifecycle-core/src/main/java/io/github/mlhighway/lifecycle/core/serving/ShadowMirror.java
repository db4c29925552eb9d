package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.serving.OutputComparator;
import io.github.mlhighway.lifecycle.serving.ShadowStats;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors a sample of calls to the shadow version on a bounded executor and compares the answers. The caller's
 * thread only samples and hands the work over; nothing the shadow does (throw, hang, be slow) reaches the caller.
 *
 * <p>So that a release analysis sees a failing shadow as failing rather than as "no data", every mirrored call
 * ends on the shadow route's SLIs (its version and the {@link GuardedModel#SHADOW_COHORT} cohort):
 * <ul>
 *   <li>an answer is recorded as good, and fast or slow by the latency threshold;</li>
 *   <li>a throw is recorded as bad;</li>
 *   <li>a call that has not finished within the shadow timeout (measured on the injected clock from the hand-over,
 *       so queueing counts) is recorded as bad and slow when it is found expired, even if its thread is still
 *       stuck; its late answer, if any, is ignored, and if it had not started it never runs;</li>
 *   <li>a call the saturated executor refuses is dropped and recorded as bad (availability only).</li>
 * </ul>
 * Expired calls are found by {@link #expire()}, which the model runs on {@code tick()} and before it reports
 * stats.
 *
 * @param <I> input type
 * @param <O> output type
 */
final class ShadowMirror<I, O> {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowMirror.class);

    private final Executor executor;
    private final OutputComparator<? super O> comparator;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private final long latencyThresholdNanos;
    private final long timeoutMillis;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final LongAdder mirrored = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder agreements = new LongAdder();
    private final LongAdder disagreements = new LongAdder();
    private final LongAdder errors = new LongAdder();

    ShadowMirror(Executor executor, OutputComparator<? super O> comparator, LongSupplier nanoTime,
                 long latencyThresholdNanos, Clock clock, long timeoutMillis) {
        this.executor = executor;
        this.comparator = comparator;
        this.nanoTime = nanoTime;
        this.latencyThresholdNanos = latencyThresholdNanos;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Whether this call is mirrored; allocation-free, so the caller builds nothing for calls not sampled.
     *
     * @param sampleRate share of calls mirrored, in (0, 1]
     * @return true for a sampled call
     */
    static boolean sampled(double sampleRate) {
        return sampleRate >= 1.0 || ThreadLocalRandom.current().nextDouble() < sampleRate;
    }

    /** Hands a sampled call to the executor; never throws. */
    void mirror(Route<I, O> shadow, I input, O primaryOutput) {
        long now = clock.millis();
        long deadline = now + timeoutMillis < now ? Long.MAX_VALUE : now + timeoutMillis;
        Call call = new Call(shadow, input, primaryOutput, deadline);
        inFlight.add(call);
        try {
            executor.execute(call);
            mirrored.increment();
        } catch (RuntimeException e) {
            if (call.settle()) {
                dropped.increment();
                shadow.recordRejected();
            }
            if (!(e instanceof RejectedExecutionException)) {
                LOG.warn("Shadow executor failed to accept work; dropped", e);
            }
        }
    }

    /** Records every mirrored call past its deadline as bad and slow (once); cheap when none is in flight. */
    void expire() {
        if (inFlight.isEmpty()) {
            return;
        }
        long now = clock.millis();
        for (Call call : inFlight) {
            if (now >= call.deadline && call.settle()) {
                call.shadow.record(false, false);
                errors.increment();
            }
        }
    }

    ShadowStats stats() {
        expire();
        return new ShadowStats(mirrored.sum(), dropped.sum(), agreements.sum(), disagreements.sum(), errors.sum());
    }

    /** One mirrored call; settled exactly once: by its answer, its throw, its expiry or its rejection. */
    private final class Call extends AtomicBoolean implements Runnable {
        final Route<I, O> shadow;
        final I input;
        final O primaryOutput;
        final long deadline;

        Call(Route<I, O> shadow, I input, O primaryOutput, long deadline) {
            this.shadow = shadow;
            this.input = input;
            this.primaryOutput = primaryOutput;
            this.deadline = deadline;
        }

        boolean settle() {
            if (compareAndSet(false, true)) {
                inFlight.remove(this);
                return true;
            }
            return false;
        }

        @Override
        public void run() {
            if (get()) {
                return; // expired while queued: counted already, not worth running
            }
            long start = nanoTime.getAsLong();
            O answer;
            try {
                answer = shadow.function().apply(input);
            } catch (Throwable e) {
                if (settle()) {
                    shadow.record(false, nanoTime.getAsLong() - start <= latencyThresholdNanos);
                    errors.increment();
                }
                if (e instanceof VirtualMachineError error) {
                    throw error;
                }
                return;
            }
            if (!settle()) {
                return; // expired while running: counted as an error, the late answer is ignored
            }
            shadow.record(true, nanoTime.getAsLong() - start <= latencyThresholdNanos);
            boolean agree;
            try {
                agree = comparator.agree(primaryOutput, answer);
            } catch (RuntimeException e) {
                LOG.warn("Shadow comparator threw; counted as a disagreement", e);
                agree = false;
            }
            (agree ? agreements : disagreements).increment();
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
