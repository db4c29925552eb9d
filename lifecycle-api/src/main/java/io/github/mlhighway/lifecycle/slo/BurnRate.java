package io.github.mlhighway.lifecycle.slo;

import java.time.Duration;

/**
 * How fast the error budget burns over one window: the window's error ratio divided by the budget ratio
 * {@code 1 - objective}. A burn rate of 1.0 spends exactly the whole budget over the SLO period.
 *
 * @param window     the window measured
 * @param eligible   events (or slices) in the window
 * @param bad        bad units in the window
 * @param errorRatio {@code bad / eligible}, 0 when the window is empty
 * @param burnRate   {@code errorRatio / (1 - objective)}
 * @since 0.1
 */
public record BurnRate(Duration window, long eligible, double bad, double errorRatio, double burnRate) {

    /**
     * Whether the window holds no events at all.
     *
     * @return true when {@code eligible == 0}
     */
    public boolean isEmpty() {
        return eligible == 0;
    }
}
