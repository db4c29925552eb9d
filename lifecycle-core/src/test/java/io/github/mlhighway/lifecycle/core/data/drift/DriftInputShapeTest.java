package io.github.mlhighway.lifecycle.core.data.drift;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.junit.jupiter.api.Test;

/** The divergences refuse distributions over different categories, and the KS test refuses an empty side. */
class DriftInputShapeTest {

    private static final double[] TWO = {0.5, 0.5};
    private static final double[] THREE = {1.0 / 3, 1.0 / 3, 1.0 / 3};

    @Test
    void divergencesRefuseAShorterReference() {
        String message = "Distributions differ in length: 2 vs 3";
        assertThatThrownBy(() -> Divergences.jensenShannon(TWO, THREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> Divergences.hellinger(TWO, THREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> Divergences.psi(TWO, THREE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void ksRefusesAnEmptySide() {
        assertThatThrownBy(() -> KsTest.exact(new double[0], new double[] {1.0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KS test needs values on both sides, got 0 and 1");
        KllDoublesSketch empty = KllDoublesSketch.newHeapInstance();
        KllDoublesSketch one = KllDoublesSketch.newHeapInstance();
        one.update(1.0);
        assertThatThrownBy(() -> KsTest.fromSketches(one, empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KS test needs values on both sides, got 1 and 0");
    }
}
