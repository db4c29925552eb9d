package io.github.mlhighway.lifecycle.core.slo.internal;

import io.github.mlhighway.lifecycle.core.slo.SloState;
import java.util.Arrays;

/**
 * A rolling window of fixed-width time buckets, each holding a count of bad and total units, with running
 * sums kept by subtract-on-evict so the window total is O(1).
 *
 * <p>Bucket {@code k} covers {@code [k * resolution, (k + 1) * resolution)} in epoch milliseconds. With head
 * bucket {@code h}, the window is exactly the buckets {@code h - size + 1 .. h}. Not thread-safe: the owner
 * serialises access.
 *
 * @since 0.1
 */
public final class BucketRing {

    private static final long UNSET = Long.MIN_VALUE;

    private final long windowMillis;
    private final long resolutionMillis;
    private final long[] bad;
    private final long[] total;
    private long head = UNSET;
    private long sumBad;
    private long sumTotal;

    /**
     * A ring that covers {@code size} buckets of {@code resolutionMillis} each.
     *
     * @param windowMillis     the window length it stands for
     * @param resolutionMillis bucket width in milliseconds
     * @param size             number of buckets
     */
    public BucketRing(long windowMillis, long resolutionMillis, int size) {
        if (resolutionMillis <= 0 || size <= 0) {
            throw new IllegalArgumentException("resolution and size must be positive: " + resolutionMillis + ", "
                    + size);
        }
        this.windowMillis = windowMillis;
        this.resolutionMillis = resolutionMillis;
        this.bad = new long[size];
        this.total = new long[size];
    }

    /**
     * A ring for a window, with a resolution chosen by {@link Resolutions#forWindow(long)}, coarsened for windows
     * over 20,000 days so that a ring never has more than {@link Resolutions#MAX_BUCKETS} buckets (320 KB).
     *
     * @param windowMillis window length in milliseconds
     * @return the ring
     */
    public static BucketRing forWindow(long windowMillis) {
        long resolution = Resolutions.forWindow(windowMillis);
        if (windowMillis / resolution > Resolutions.MAX_BUCKETS) {
            // Longer than 20,000 days: whole days per bucket, as few as keep the ring within MAX_BUCKETS.
            long day = 86_400_000L;
            long days = Math.max(1, -Math.floorDiv(-windowMillis, (long) Resolutions.MAX_BUCKETS * day));
            resolution = days * day;
        }
        long size = -Math.floorDiv(-windowMillis, resolution);
        return new BucketRing(windowMillis, resolution, (int) Math.min(size, Resolutions.MAX_BUCKETS));
    }

    /**
     * Moves the head to the bucket containing {@code millis}, evicting (and subtracting) buckets that leave
     * the window. Never moves backwards.
     *
     * @param millis epoch milliseconds
     */
    public void advanceTo(long millis) {
        long bucket = Math.floorDiv(millis, resolutionMillis);
        if (head == UNSET) {
            head = bucket;
            return;
        }
        if (bucket <= head) {
            return;
        }
        long steps = bucket - head;
        if (steps >= bad.length) {
            Arrays.fill(bad, 0);
            Arrays.fill(total, 0);
            sumBad = 0;
            sumTotal = 0;
        } else {
            for (long k = head + 1; k <= bucket; k++) {
                int index = index(k);
                sumBad -= bad[index];
                sumTotal -= total[index];
                bad[index] = 0;
                total[index] = 0;
            }
        }
        head = bucket;
    }

    /**
     * Adds units at a time. Units older than the window are dropped; a time past the head advances it.
     *
     * @param millis     epoch milliseconds at which the units happened
     * @param badUnits   bad units
     * @param totalUnits all units (good and bad)
     */
    public void add(long millis, long badUnits, long totalUnits) {
        long bucket = Math.floorDiv(millis, resolutionMillis);
        if (head == UNSET || bucket > head) {
            advanceTo(millis);
        }
        if (bucket <= head - bad.length) {
            return;
        }
        int index = index(bucket);
        bad[index] += badUnits;
        total[index] += totalUnits;
        sumBad += badUnits;
        sumTotal += totalUnits;
    }

    /** @return bad units in the window */
    public long bad() {
        return sumBad;
    }

    /** @return all units in the window */
    public long total() {
        return sumTotal;
    }

    /**
     * Sums the newest {@code buckets} buckets (a sub-window).
     *
     * @param buckets how many of the newest buckets, at most {@link #size()}
     * @return {@code {bad, total}}
     */
    public long[] sumNewest(int buckets) {
        if (buckets >= bad.length) {
            return new long[] {sumBad, sumTotal};
        }
        long b = 0;
        long t = 0;
        if (head != UNSET) {
            for (long k = head - buckets + 1; k <= head; k++) {
                int index = index(k);
                b += bad[index];
                t += total[index];
            }
        }
        return new long[] {b, t};
    }

    /** @return the window length this ring stands for, in milliseconds */
    public long windowMillis() {
        return windowMillis;
    }

    /** @return bucket width in milliseconds */
    public long resolutionMillis() {
        return resolutionMillis;
    }

    /** @return number of buckets */
    public int size() {
        return bad.length;
    }

    /**
     * The start of the oldest bucket in the window, in epoch milliseconds.
     *
     * @return the window's start, or {@link Long#MIN_VALUE} before the first use
     */
    public long windowStartMillis() {
        return head == UNSET ? Long.MIN_VALUE : (head - bad.length + 1) * resolutionMillis;
    }

    /**
     * A copy of the ring's state for persistence.
     *
     * @return the state
     */
    public SloState.Ring state() {
        return new SloState.Ring(windowMillis, resolutionMillis, head, bad.clone(), total.clone());
    }

    /**
     * Restores a state saved by {@link #state()}.
     *
     * @param state a state with the same resolution and size, counts non-negative and bad at most total
     * @return true when restored, false when the state does not fit this ring (the ring is left as it was)
     */
    public boolean restore(SloState.Ring state) {
        if (state.resolutionMillis() != resolutionMillis || state.bad() == null || state.total() == null
                || state.bad().length != bad.length || state.total().length != total.length) {
            return false;
        }
        for (int i = 0; i < bad.length; i++) {
            if (state.bad()[i] < 0 || state.bad()[i] > state.total()[i]) {
                return false;
            }
        }
        System.arraycopy(state.bad(), 0, bad, 0, bad.length);
        System.arraycopy(state.total(), 0, total, 0, total.length);
        head = state.head();
        sumBad = Arrays.stream(bad).sum();
        sumTotal = Arrays.stream(total).sum();
        return true;
    }

    private int index(long bucket) {
        return (int) Math.floorMod(bucket, (long) bad.length);
    }
}
