package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.serving.OutputComparator;
import io.github.mlhighway.lifecycle.serving.ShadowStats;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors a sample of calls to the shadow version on a bounded executor and compares the answers. The caller's
 * thread only samples and hands the work over; a saturated executor drops the work (counted), and nothing the
 * shadow does (throw, hang, be slow) reaches the caller.
 *
 * @param <I> input type
 * @param <O> output type
 */
final class ShadowMirror<I, O> {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowMirror.class);

    private final Executor executor;
    private final OutputComparator<? super O> comparator;
    private final LongSupplier nanoTime;
    private final long latencyThresholdNanos;
    private final LongAdder mirrored = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder agreements = new LongAdder();
    private final LongAdder disagreements = new LongAdder();
    private final LongAdder errors = new LongAdder();

    ShadowMirror(Executor executor, OutputComparator<? super O> comparator, LongSupplier nanoTime,
                 long latencyThresholdNanos) {
        this.executor = executor;
        this.comparator = comparator;
        this.nanoTime = nanoTime;
        this.latencyThresholdNanos = latencyThresholdNanos;
    }

    /** Samples the call and, if chosen, hands it to the executor; never throws. */
    void maybeMirror(double sampleRate, Route<I, O> shadow, I input, O primaryOutput) {
        if (sampleRate < 1.0 && ThreadLocalRandom.current().nextDouble() >= sampleRate) {
            return;
        }
        try {
            executor.execute(() -> run(shadow, input, primaryOutput));
            mirrored.increment();
        } catch (RejectedExecutionException e) {
            dropped.increment();
        } catch (RuntimeException e) {
            dropped.increment();
            LOG.warn("Shadow executor failed to accept work; dropped", e);
        }
    }

    private void run(Route<I, O> shadow, I input, O primaryOutput) {
        long start = nanoTime.getAsLong();
        O answer;
        try {
            answer = shadow.model.apply(input);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            shadow.record(false, nanoTime.getAsLong() - start <= latencyThresholdNanos);
            errors.increment();
            return;
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

    ShadowStats stats() {
        return new ShadowStats(mirrored.sum(), dropped.sum(), agreements.sum(), disagreements.sum(), errors.sum());
    }
}
