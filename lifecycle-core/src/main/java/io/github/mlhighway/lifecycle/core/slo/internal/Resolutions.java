package io.github.mlhighway.lifecycle.core.slo.internal;

/**
 * Chooses a bucket width for a window: the coarsest "round" width that divides the window exactly and still
 * leaves at least {@link #MIN_BUCKETS} buckets, so every window costs a few kilobytes (a 90-day window uses
 * 6-hour buckets: 360 of them) and short alert windows stay fine-grained (5 minutes in 1-second buckets).
 *
 * @since 0.1
 */
public final class Resolutions {

    /** The fewest buckets a window is cut into (when the window is long enough). */
    public static final int MIN_BUCKETS = 240;
    /** The most buckets a window may need before a coarser, non-dividing width is used. */
    public static final int MAX_BUCKETS = 20_000;

    private static final long SECOND = 1000;
    private static final long[] CANDIDATES = {
        SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
        60 * SECOND, 5 * 60 * SECOND, 10 * 60 * SECOND, 15 * 60 * SECOND, 30 * 60 * SECOND,
        3600 * SECOND, 2 * 3600 * SECOND, 3 * 3600 * SECOND, 6 * 3600 * SECOND, 12 * 3600 * SECOND,
        86_400 * SECOND,
    };

    private Resolutions() {
    }

    /**
     * The bucket width for a window.
     *
     * @param windowMillis window length, positive
     * @return bucket width in milliseconds
     */
    public static long forWindow(long windowMillis) {
        long best = 0;
        for (long candidate : CANDIDATES) {
            if (windowMillis % candidate == 0 && windowMillis / candidate >= MIN_BUCKETS) {
                best = candidate;
            }
        }
        if (best == 0) {
            // Short window (under 4 minutes) or one no round width divides: the finest width that fits.
            for (long candidate : CANDIDATES) {
                if (windowMillis % candidate == 0 && windowMillis / candidate <= MAX_BUCKETS) {
                    return candidate;
                }
            }
            for (long candidate : CANDIDATES) {
                if (windowMillis / candidate <= MAX_BUCKETS) {
                    return candidate;
                }
            }
            return CANDIDATES[CANDIDATES.length - 1];
        }
        return best;
    }
}
