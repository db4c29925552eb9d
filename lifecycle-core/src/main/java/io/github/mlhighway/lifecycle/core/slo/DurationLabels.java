package io.github.mlhighway.lifecycle.core.slo;

import java.time.Duration;

/**
 * Short labels for window lengths, the way Prometheus writes ranges and Sloth names its windows: the largest
 * whole unit among {@code d}, {@code h}, {@code m}, {@code s} ({@code 5m}, {@code 6h}, {@code 30d},
 * {@code 90m}), so a rule name, a range and a meter tag for the same window always agree.
 *
 * @since 0.1
 */
public final class DurationLabels {

    private DurationLabels() {
    }

    /**
     * The label of a window.
     *
     * @param window a positive duration; whole seconds give d/h/m/s labels, anything else milliseconds
     * @return e.g. {@code 5m}
     */
    public static String of(Duration window) {
        long seconds = window.getSeconds();
        if (seconds <= 0 || window.getNano() != 0) {
            return window.toMillis() + "ms";
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
