package io.github.mlhighway.lifecycle.core.slo.prometheus;

import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/** The windows recorded for an SLO: every alert tier's long and short window, and the SLO period. */
record SloWindows(List<Duration> alertWindows, Duration period) {

    static SloWindows of(Slo slo) {
        TreeSet<Duration> windows = new TreeSet<>();
        for (BurnRateTier tier : slo.alerting().tiers()) {
            windows.add(tier.shortWindow());
            windows.add(tier.longWindow());
        }
        Duration period = slo.window().nominalLength();
        if (windows.isEmpty()) {
            windows.add(period.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : period);
        }
        return new SloWindows(List.copyOf(windows), period);
    }

    /** The shortest window: the base of the period ratio and the current burn rate (5m by default). */
    Duration shortest() {
        return alertWindows.get(0);
    }

    /** Whether the period needs its own averaging rule (it is not an alert window already). */
    boolean periodIsSeparate() {
        return !alertWindows.contains(period);
    }
}
