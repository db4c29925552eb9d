package io.github.mlhighway.lifecycle.core.slo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.slo.SloState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bucket ring agrees with a naive reference that keeps every accepted event and sums the ones in the window on
 * each query, and its sizing, bounds and restore checks give the documented numbers.
 */
class BucketRingReferenceTest {

    private static final long RESOLUTION = 1000;
    private static final int SIZE = 10;
    private static final long DAY = 86_400_000L;

    /** The reference: the window is the buckets {@code head - size + 1 .. head}; older events are dropped on add. */
    static final class NaiveWindow {
        final List<long[]> events = new ArrayList<>();   // {bucket, bad, total}
        Long head;

        void advanceTo(long millis) {
            long bucket = Math.floorDiv(millis, RESOLUTION);
            head = head == null ? bucket : Math.max(head, bucket);
        }

        void add(long millis, long bad, long total) {
            advanceTo(millis);
            long bucket = Math.floorDiv(millis, RESOLUTION);
            if (bucket > head - SIZE) {
                events.add(new long[] {bucket, bad, total});
            }
        }

        long[] sumNewest(int buckets) {
            long b = 0;
            long t = 0;
            for (long[] event : events) {
                if (head != null && event[0] > head - Math.min(buckets, SIZE) && event[0] <= head) {
                    b += event[1];
                    t += event[2];
                }
            }
            return new long[] {b, t};
        }
    }

    @Test
    void randomAddsAndAdvancesGiveTheSameSumsAsTheNaiveWindow() {
        SplittableRandom random = new SplittableRandom(19);
        for (int run = 0; run < 80; run++) {
            BucketRing ring = new BucketRing(SIZE * RESOLUTION, RESOLUTION, SIZE);
            NaiveWindow naive = new NaiveWindow();
            long now = random.nextLong(-50_000, 50_000);
            for (int step = 0; step < 60; step++) {
                int kind = random.nextInt(10);
                if (kind < 6) {
                    now += random.nextLong(0, 2500);
                    long bad = random.nextLong(0, 5);
                    long total = bad + random.nextLong(0, 5);
                    ring.add(now, bad, total);
                    naive.add(now, bad, total);
                } else if (kind < 8) {
                    long late = now - random.nextLong(0, 15_000);   // up to one and a half windows late
                    ring.add(late, 1, 3);
                    naive.add(late, 1, 3);
                } else if (kind < 9) {
                    now += random.nextLong(0, 25_000);             // may jump past the whole window
                    ring.advanceTo(now);
                    naive.advanceTo(now);
                } else {
                    ring.advanceTo(now - 5000);                    // never moves backwards
                    naive.advanceTo(now - 5000);
                }
                String at = "run " + run + ", step " + step;
                long[] all = naive.sumNewest(SIZE);
                assertThat(ring.bad()).as("bad, %s", at).isEqualTo(all[0]);
                assertThat(ring.total()).as("total, %s", at).isEqualTo(all[1]);
                for (int k = 1; k <= SIZE + 1; k++) {
                    assertThat(ring.sumNewest(k)).as("sumNewest(%d), %s", k, at).containsExactly(naive.sumNewest(k));
                }
                assertThat(ring.windowStartMillis()).as("window start, %s", at)
                        .isEqualTo((naive.head - SIZE + 1) * RESOLUTION);
            }
        }
    }

    @Test
    void anEventExactlyOneWindowOldIsDroppedAndOneBucketYoungerIsKept() {
        BucketRing ring = new BucketRing(SIZE * RESOLUTION, RESOLUTION, SIZE);
        ring.add(100_500, 0, 1);                           // head bucket 100

        ring.add(100_500 - SIZE * RESOLUTION, 7, 7);       // bucket 90: just outside 91..100
        ring.add(100_500 - (SIZE - 1) * RESOLUTION, 2, 2); // bucket 91: the oldest in the window

        assertThat(ring.bad()).isEqualTo(2);
        assertThat(ring.total()).isEqualTo(3);
        assertThat(ring.sumNewest(1)).containsExactly(0, 1);
        assertThat(ring.windowStartMillis()).isEqualTo(91_000);
    }

    @Test
    void theFirstAddIsCountedAndAnUnusedRingHasNoWindowStart() {
        BucketRing ring = new BucketRing(60_000, RESOLUTION, 60);
        assertThat(ring.windowStartMillis()).isEqualTo(Long.MIN_VALUE);
        assertThat(ring.sumNewest(5)).containsExactly(0, 0);

        ring.add(-1, 1, 4);   // bucket -1: floor division before the epoch

        assertThat(ring.bad()).isEqualTo(1);
        assertThat(ring.total()).isEqualTo(4);
        assertThat(ring.sumNewest(1)).containsExactly(1, 4);
        assertThat(ring.windowStartMillis()).isEqualTo(-60_000);
    }

    @Test
    void aRingDescribesItsWindowResolutionAndSize() {
        BucketRing ring = new BucketRing(7_000, 1000, 7);
        assertThat(ring.windowMillis()).isEqualTo(7_000);
        assertThat(ring.resolutionMillis()).isEqualTo(1000);
        assertThat(ring.size()).isEqualTo(7);
        assertThat(new BucketRing(1, 1, 1).size()).isEqualTo(1);
    }

    @Test
    void aResolutionOrSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> new BucketRing(1000, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BucketRing(1000, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BucketRing(1000, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forWindowSizesKnownWindows() {
        BucketRing ninetyDays = BucketRing.forWindow(90 * DAY);
        assertThat(ninetyDays.resolutionMillis()).isEqualTo(6 * 3_600_000L);
        assertThat(ninetyDays.size()).isEqualTo(360);
        assertThat(ninetyDays.windowMillis()).isEqualTo(90 * DAY);

        BucketRing fiveMinutes = BucketRing.forWindow(300_000);
        assertThat(fiveMinutes.resolutionMillis()).isEqualTo(1000);
        assertThat(fiveMinutes.size()).isEqualTo(300);

        BucketRing ragged = BucketRing.forWindow(1500);    // no width divides it: one bucket rounded up to two
        assertThat(ragged.resolutionMillis()).isEqualTo(1000);
        assertThat(ragged.size()).isEqualTo(2);
    }

    @Test
    void windowsBeyondTwentyThousandDaysGetWholeDaysPerBucketWithinTheMaximum() {
        BucketRing thirtyThousandDays = BucketRing.forWindow(30_000 * DAY);
        assertThat(thirtyThousandDays.resolutionMillis()).isEqualTo(2 * DAY);
        assertThat(thirtyThousandDays.size()).isEqualTo(15_000);

        BucketRing justOver = BucketRing.forWindow(20_001 * DAY);
        assertThat(justOver.resolutionMillis()).isEqualTo(2 * DAY);
        assertThat(justOver.size()).isEqualTo(10_001);

        BucketRing fortyThousandAndOne = BucketRing.forWindow(40_001 * DAY);
        assertThat(fortyThousandAndOne.resolutionMillis()).isEqualTo(3 * DAY);
        assertThat(fortyThousandAndOne.size()).isEqualTo(13_334);
    }

    @Test
    void restoreTakesAStateThatFitsAndRecomputesTheSums() {
        BucketRing ring = new BucketRing(3000, 1000, 3);
        assertThat(ring.restore(new SloState.Ring(3000, 1000, 41, new long[] {1, 0, 2}, new long[] {1, 5, 2})))
                .isTrue();

        assertThat(ring.bad()).isEqualTo(3);
        assertThat(ring.total()).isEqualTo(8);
        assertThat(ring.windowStartMillis()).isEqualTo(39_000);
        assertThat(ring.state().head()).isEqualTo(41);
    }

    @Test
    void restoreRefusesAStateThatDoesNotFitAndLeavesTheRingAsItWas() {
        BucketRing ring = new BucketRing(3000, 1000, 3);
        ring.add(5500, 1, 2);
        List<SloState.Ring> misfits = List.of(
                new SloState.Ring(3000, 500, 9, new long[3], new long[3]),                       // resolution
                new SloState.Ring(3000, 1000, 9, new long[2], new long[3]),                      // bad length
                new SloState.Ring(3000, 1000, 9, new long[3], new long[4]),                      // total length
                new SloState.Ring(3000, 1000, 9, null, new long[3]),
                new SloState.Ring(3000, 1000, 9, new long[3], null),
                new SloState.Ring(3000, 1000, 9, new long[] {0, -1, 0}, new long[] {0, 0, 0}),   // negative
                new SloState.Ring(3000, 1000, 9, new long[] {0, 0, 3}, new long[] {0, 0, 2}));   // bad > total
        for (SloState.Ring misfit : misfits) {
            assertThat(ring.restore(misfit)).as("restore of %s", misfit).isFalse();
            assertThat(ring.bad()).isEqualTo(1);
            assertThat(ring.total()).isEqualTo(2);
            assertThat(ring.windowStartMillis()).isEqualTo(3000);
        }
    }
}
