package io.github.mlhighway.lifecycle.core.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.evaluation.ConfidenceInterval;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bootstrap's resampler and percentile intervals on inputs whose answers are known exactly. */
class ResamplerPercentilesTest {

    @Test
    void rowsOutsideTheBaseAreNeverDrawn() {
        BinaryData data = BinaryData.of(new int[] {0, 1, 0, 1}, new double[] {0.1, 0.2, 0.3, 0.4});
        int[] base = {1, 0, 1, 1};
        Resampler resampler = new Resampler(data, base, false, 11);
        assertThat(resampler.rows()).isEqualTo(4);
        int[] weights = new int[4];
        for (int draw = 0; draw < 200; draw++) {
            assertThat(resampler.next(weights)).isSameAs(weights);
            assertThat(weights[1]).isZero();
            assertThat(Arrays.stream(weights).sum()).isEqualTo(3);
        }
    }

    @Test
    void theSliceSeedDependsOnTheKeyAndTheSeed() {
        // seed ^ (golden-ratio constant * (hash + 1)); "" hashes to 0 and "a" to 97.
        assertThat(Resampler.seedFor(42, "")).isEqualTo(42L ^ 0x9E3779B97F4A7C15L);
        assertThat(Resampler.seedFor(42, "a")).isEqualTo(42L ^ (0x9E3779B97F4A7C15L * 98));
        assertThat(Resampler.seedFor(0, "a")).isNotEqualTo(Resampler.seedFor(0, "b")).isNotZero();
    }

    @Test
    void theIntervalTakesTheTailQuantilesOfTheResamples() {
        // 0, 1, ..., 100: R type 7 puts the 5 % and 95 % quantiles exactly on 5 and 95.
        double[] values = IntStream.rangeClosed(0, 100).asDoubleStream().toArray();
        ConfidenceInterval interval = Percentiles.interval(values, 0.9);
        assertThat(interval.low()).isCloseTo(5.0, within(1e-12));
        assertThat(interval.high()).isCloseTo(95.0, within(1e-12));
        assertThat(interval.level()).isEqualTo(0.9);
        assertThat(interval.resamples()).isEqualTo(101);
    }
}
