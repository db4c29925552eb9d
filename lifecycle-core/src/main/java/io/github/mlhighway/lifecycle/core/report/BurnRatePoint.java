package io.github.mlhighway.lifecycle.core.report;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The burn rate of an SLO over one window.
 *
 * @param window     the window, e.g. 1h
 * @param eligible   events eligible in the window
 * @param errorRatio bad / eligible, or null when not finite
 * @param burnRate   error ratio / error budget ratio (1 = spending exactly the budget), or null when not finite
 * @since 0.1
 */
public record BurnRatePoint(Duration window, long eligible, @Nullable Double errorRatio, @Nullable Double burnRate) {

    /** Validates the components. */
    public BurnRatePoint {
        Objects.requireNonNull(window, "window");
    }
}
