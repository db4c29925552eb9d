package io.github.mlhighway.lifecycle.core.serving;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.serving.LabelStats;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps predictions until their delayed label arrives (a Caffeine cache, bounded in size, expiring after write
 * by the injected clock), then records the quality SLI of the version and cohort that answered. When the label
 * judge throws, the exception reaches the caller and the prediction stays unlabelled, so a retry is joined.
 *
 * @param <O> output type
 */
final class PredictionJournal<O> {

    private final Cache<String, Stored<O>> predictions;
    private final LabelJudge<? super O, Object> judge;
    private final LongAdder joined = new LongAdder();
    private final LongAdder correct = new LongAdder();
    private final LongAdder unmatched = new LongAdder();
    private final LongAdder duplicates = new LongAdder();

    @SuppressWarnings("unchecked")
    PredictionJournal(LabelJudge<? super O, ?> judge, long maxPredictions, Duration expiry, Clock clock) {
        this.judge = (LabelJudge<? super O, Object>) judge;
        this.predictions = Caffeine.newBuilder().maximumSize(maxPredictions).expireAfterWrite(expiry)
                .ticker(new ClockTicker(clock)).executor(Runnable::run).build();
    }

    void remember(String requestId, Route<?, O> route, O prediction) {
        predictions.put(requestId, new Stored<>(route, prediction));
    }

    boolean label(String requestId, Object actual) {
        Stored<O> stored = predictions.getIfPresent(requestId);
        if (stored == null) {
            unmatched.increment();
            return false;
        }
        if (!stored.labelled.compareAndSet(false, true)) {
            duplicates.increment();
            return false;
        }
        boolean good;
        try {
            good = judge.correct(stored.prediction, actual);
        } catch (ClassCastException e) {
            stored.labelled.set(false);
            throw new IllegalArgumentException("Label of request '" + requestId + "' has type "
                    + actual.getClass().getName() + ", which the label judge does not accept", e);
        } catch (Throwable e) {
            stored.labelled.set(false); // no judgement was made: a retry is a first label, not a duplicate
            throw e;
        }
        stored.route.versionSlis.accuracy.record(good);
        stored.route.cohortSlis.labelled.record(good);
        joined.increment();
        if (good) {
            correct.increment();
        }
        return true;
    }

    void cleanUp() {
        predictions.cleanUp();
    }

    long size() {
        return predictions.estimatedSize();
    }

    LabelStats stats() {
        return new LabelStats(joined.sum(), correct.sum(), unmatched.sum(), duplicates.sum());
    }

    /** A stored prediction; labelled flips once, so a second label is recognised as a duplicate. */
    private static final class Stored<O> {
        final Route<?, O> route;
        final O prediction;
        final AtomicBoolean labelled = new AtomicBoolean();

        Stored(Route<?, O> route, O prediction) {
            this.route = route;
            this.prediction = prediction;
        }
    }
}
