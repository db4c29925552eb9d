package io.github.mlhighway.lifecycle.testkit.arbitraries;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Generates {@link EventStream}s with a steady number of events per second whose bad events come in bursts
 * (seconds in which every event is bad), so that the whole stream burns the error budget of an objective at a
 * chosen rate: {@code bad / total = round(burnRate × (1 − objective) × total) / total}.
 *
 * <p>Immutable: each setter returns a new arbitrary. Shrinks toward shorter streams with fewer events.
 *
 * @since 0.1
 */
public final class EventStreamArbitrary extends ArbitraryDecorator<EventStream> {

    /** The default shortest stream, in seconds. */
    public static final int DEFAULT_MIN_SECONDS = 60;
    /** The default longest stream, in seconds. */
    public static final int DEFAULT_MAX_SECONDS = 3_600;
    /** The default fewest events per second. */
    public static final int DEFAULT_MIN_RATE = 1;
    /** The default most events per second. */
    public static final int DEFAULT_MAX_RATE = 100;
    /** The default most bursts. */
    public static final int DEFAULT_MAX_BURSTS = 3;

    private final double objective;
    private final double burnRate;
    private final int minSeconds;
    private final int maxSeconds;
    private final int minRate;
    private final int maxRate;
    private final int minBursts;
    private final int maxBursts;

    EventStreamArbitrary(double objective, double burnRate) {
        this(objective, burnRate, DEFAULT_MIN_SECONDS, DEFAULT_MAX_SECONDS, DEFAULT_MIN_RATE, DEFAULT_MAX_RATE, 1,
                DEFAULT_MAX_BURSTS);
        if (!(objective > 0 && objective < 1)) {
            throw new IllegalArgumentException("Objective must be in (0, 1), was " + objective);
        }
        if (!(burnRate >= 0) || burnRate * (1 - objective) > 1) {
            throw new IllegalArgumentException("Burn rate must be in [0, " + 1 / (1 - objective)
                    + "] for objective " + objective + " (a bad ratio of at most 1), was " + burnRate);
        }
    }

    private EventStreamArbitrary(double objective, double burnRate, int minSeconds, int maxSeconds, int minRate,
                                 int maxRate, int minBursts, int maxBursts) {
        this.objective = objective;
        this.burnRate = burnRate;
        this.minSeconds = minSeconds;
        this.maxSeconds = maxSeconds;
        this.minRate = minRate;
        this.maxRate = maxRate;
        this.minBursts = minBursts;
        this.maxBursts = maxBursts;
    }

    /**
     * The stream's length.
     *
     * @param min fewest seconds, positive
     * @param max most seconds, at least {@code min}
     * @return a new arbitrary
     */
    public EventStreamArbitrary seconds(int min, int max) {
        range(min, max, "seconds");
        return new EventStreamArbitrary(objective, burnRate, min, max, minRate, maxRate, minBursts, maxBursts);
    }

    /**
     * The number of events in each second (the same in every second of one stream).
     *
     * @param min fewest events per second, positive
     * @param max most events per second, at least {@code min}
     * @return a new arbitrary
     */
    public EventStreamArbitrary eventsPerSecond(int min, int max) {
        range(min, max, "eventsPerSecond");
        return new EventStreamArbitrary(objective, burnRate, minSeconds, maxSeconds, min, max, minBursts, maxBursts);
    }

    /**
     * How many bursts the bad events are split into (bursts may touch or overlap, and are lengthened when the
     * bad events do not fit).
     *
     * @param min fewest bursts, positive
     * @param max most bursts, at least {@code min}
     * @return a new arbitrary
     */
    public EventStreamArbitrary bursts(int min, int max) {
        range(min, max, "bursts");
        return new EventStreamArbitrary(objective, burnRate, minSeconds, maxSeconds, minRate, maxRate, min, max);
    }

    @Override
    protected Arbitrary<EventStream> arbitrary() {
        return Combinators.combine(
                Arbitraries.integers().between(minSeconds, maxSeconds),
                Arbitraries.integers().between(minRate, maxRate),
                Arbitraries.integers().between(minBursts, maxBursts),
                Arbitraries.longs().withoutEdgeCases()).as(this::stream);
    }

    private EventStream stream(int seconds, int rate, int bursts, long seed) {
        long total = (long) seconds * rate;
        long remaining = Math.round(burnRate * (1 - objective) * total);
        long[] bad = new long[seconds];
        Random random = new Random(seed);
        long burstSeconds = (remaining + rate - 1) / rate;
        long length = Math.max(1, (burstSeconds + bursts - 1) / bursts);
        for (int b = 0; b < bursts && remaining > 0; b++) {
            int start = random.nextInt(seconds);
            for (long j = 0; j < length && remaining > 0; j++) {
                int second = (int) ((start + j) % seconds);
                long put = Math.min(rate - bad[second], remaining);
                bad[second] += put;
                remaining -= put;
            }
        }
        for (int second = 0; remaining > 0; second++) { // overlapping bursts: spill into the next free seconds
            long put = Math.min(rate - bad[second], remaining);
            bad[second] += put;
            remaining -= put;
        }
        List<EventStream.Second> list = new ArrayList<>(seconds);
        for (long b : bad) {
            list.add(new EventStream.Second(rate - b, b));
        }
        return new EventStream(list);
    }

    private static void range(int min, int max, String what) {
        if (min <= 0 || max < min) {
            throw new IllegalArgumentException(what + ": need 0 < min <= max, were " + min + " and " + max);
        }
    }
}
