package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.data.drift.Drift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftOptions;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.MapProfiler;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiles serving rows per window and compares each closed window with the training profile.
 *
 * <h2>Concurrency: a try-lock, sampling under contention</h2>
 * The serving thread converts the call to a row and offers it to the current window's profiler (a
 * {@link MapProfiler}, not thread-safe) under {@link ReentrantLock#tryLock()}: if another thread holds it, the row
 * is skipped and counted instead of waiting. So the caller never blocks; under heavy concurrency the window is a
 * sample of the traffic (the event reports how many rows were skipped), which is what a drift test needs. The
 * ticker takes the lock (blocking, off the serving path) only to swap in a fresh profiler at the window's end,
 * then profiles, tests and notifies outside it. Models without drift monitoring have no instance of this class
 * and pay nothing.
 *
 * @param <I> input type
 * @param <O> output type
 */
final class OnlineDrift<I, O> {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineDrift.class);

    private final String model;
    private final DatasetProfile reference;
    private final long windowMillis;
    private final long minimumRows;
    private final Function<? super I, ? extends Map<String, ?>> inputRow;
    private final @Nullable Function<? super O, ? extends Map<String, ?>> outputRow;
    private final ProfileOptions profileOptions;
    private final DriftOptions driftOptions;
    private final List<DriftListener> listeners;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final LongAdder skipped = new LongAdder();
    private MapProfiler profiler; // guarded by lock
    private long rows; // guarded by lock
    private long windowStartMillis; // ticker only

    OnlineDrift(String model, DriftSettings<I, O> settings, List<DriftListener> listeners, Clock clock) {
        this.model = model;
        this.reference = settings.reference();
        this.windowMillis = settings.window().toMillis();
        this.minimumRows = settings.minimumRows();
        this.inputRow = settings.inputRow();
        this.outputRow = settings.outputRow();
        this.profileOptions = settings.profileOptions();
        this.driftOptions = settings.driftOptions();
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.profiler = MapProfiler.of(profileOptions);
        long now = clock.millis();
        this.windowStartMillis = now - Math.floorMod(now, windowMillis);
    }

    /** Offers a served call; skips (and counts) it when the profiler is busy. Never blocks. */
    void offer(I input, O output) {
        if (!lock.tryLock()) {
            skipped.increment();
            return;
        }
        try {
            profiler.accept(row(input, output));
            rows++;
        } catch (RuntimeException e) {
            LOG.debug("Drift row conversion failed; row skipped", e);
            skipped.increment();
        } finally {
            lock.unlock();
        }
    }

    private Map<String, ?> row(I input, O output) {
        Map<String, ?> in = inputRow.apply(input);
        Function<? super O, ? extends Map<String, ?>> toRow = outputRow;
        if (toRow == null) {
            return in;
        }
        Map<String, Object> both = new HashMap<>(in);
        both.putAll(toRow.apply(output));
        return both;
    }

    /** Closes the window if the clock has passed its end, and notifies the listeners. */
    void tick() {
        long now = clock.millis();
        long end = windowStartMillis + windowMillis;
        if (now < end) {
            return;
        }
        MapProfiler closed;
        long closedRows;
        lock.lock();
        try {
            closed = profiler;
            closedRows = rows;
            profiler = MapProfiler.of(profileOptions);
            rows = 0;
        } finally {
            lock.unlock();
        }
        long closedSkipped = skipped.sumThenReset();
        long start = windowStartMillis;
        windowStartMillis = now - Math.floorMod(now, windowMillis);
        if (closedRows < minimumRows) {
            return;
        }
        DatasetProfile current = closed.profile();
        DriftEvent event = new DriftEvent(model, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), closedRows,
                closedSkipped, Drift.between(reference, current, driftOptions));
        for (DriftListener listener : listeners) {
            try {
                listener.onWindow(event);
            } catch (RuntimeException e) {
                LOG.warn("Drift listener {} failed", listener, e);
            }
        }
    }
}
