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
 * <p>Fallback answers are kept too, so their labels join: they count for the cohort that served the request (what
 * its users got, which release analysis compares) and in {@link LabelStats#fallbackJoined()}, but not for the
 * version's accuracy SLO, which measures the version's own answers (its failure is already on its availability).
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
    private final LongAdder fallbackJoined = new LongAdder();
    private final LongAdder fallbackCorrect = new LongAdder();

    @SuppressWarnings("unchecked")
    PredictionJournal(LabelJudge<? super O, ?> judge, long maxPredictions, Duration expiry, Clock clock) {
        this.judge = (LabelJudge<? super O, Object>) judge;
        this.predictions = Caffeine.newBuilder().maximumSize(maxPredictions).expireAfterWrite(expiry)
                .ticker(new ClockTicker(clock)).executor(Runnable::run).build();
    }

    void remember(String requestId, Route<?, O> route, O prediction) {
        predictions.put(requestId, new Stored<>(route, prediction, false));
    }

    /** Keeps an answer the fallback gave for a request the route's version could not answer. */
    void rememberFallback(String requestId, Route<?, O> route, O answer) {
        predictions.put(requestId, new Stored<>(route, answer, true));
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
        if (stored.fallback) {
            fallbackJoined.increment();
            if (good) {
                fallbackCorrect.increment();
            }
        } else {
            stored.route.slis().accuracy.record(good);
        }
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
        // The adders are read one after the other while labels may arrive: clamp so the counts stay nested.
        long fallbacks = fallbackJoined.sum();
        long fallbackGood = Math.min(fallbackCorrect.sum(), fallbacks);
        long all = Math.max(joined.sum(), fallbacks);
        long good = Math.min(Math.max(correct.sum(), fallbackGood), all);
        return new LabelStats(all, good, unmatched.sum(), duplicates.sum(), fallbacks, fallbackGood);
    }

    /** A stored answer; labelled flips once, so a second label is recognised as a duplicate. */
    private static final class Stored<O> {
        final Route<?, O> route;
        final O prediction;
        final boolean fallback;
        final AtomicBoolean labelled = new AtomicBoolean();

        Stored(Route<?, O> route, O prediction, boolean fallback) {
            this.route = route;
            this.prediction = prediction;
            this.fallback = fallback;
        }
    }
}
