package io.github.mlhighway.lifecycle.core.slo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bucket width of known windows, one rule of {@link Resolutions} each. */
class ResolutionsTest {

    private static final long SECOND = 1000;
    private static final long HOUR = 3600 * SECOND;
    private static final long DAY = 24 * HOUR;

    @Test
    void theCoarsestDividingWidthThatLeavesAtLeast240Buckets() {
        assertThat(Resolutions.forWindow(90 * DAY)).isEqualTo(6 * HOUR);        // 360 buckets
        assertThat(Resolutions.forWindow(28 * DAY)).isEqualTo(2 * HOUR);        // 336; 3 h would leave 224
        assertThat(Resolutions.forWindow(HOUR)).isEqualTo(15 * SECOND);         // 240 exactly
        assertThat(Resolutions.forWindow(5 * 60 * SECOND)).isEqualTo(SECOND);   // 300
    }

    @Test
    void exactly240BucketsIsEnough() {
        assertThat(Resolutions.forWindow(60 * DAY)).isEqualTo(6 * HOUR);        // 240; not 3 h
        assertThat(Resolutions.forWindow(240 * DAY)).isEqualTo(DAY);
    }

    @Test
    void aShortWindowGetsTheFinestDividingWidth() {
        assertThat(Resolutions.forWindow(3 * 60 * SECOND)).isEqualTo(SECOND);   // 180 buckets, fewer than 240
        assertThat(Resolutions.forWindow(7 * SECOND)).isEqualTo(SECOND);
    }

    @Test
    void aWindowNoWidthDividesGetsTheFinestWidthWithinTheMaximum() {
        assertThat(Resolutions.forWindow(1500)).isEqualTo(SECOND);
        assertThat(Resolutions.forWindow(20_000 * SECOND + 500)).isEqualTo(SECOND);        // 20 000 buckets
        assertThat(Resolutions.forWindow(20_001 * SECOND + 500)).isEqualTo(5 * SECOND);    // 20 001 would be too many
    }

    @Test
    void aWindowTooLongForEveryWidthGetsADay() {
        assertThat(Resolutions.forWindow(30_000 * DAY + 1)).isEqualTo(DAY);
    }
}
