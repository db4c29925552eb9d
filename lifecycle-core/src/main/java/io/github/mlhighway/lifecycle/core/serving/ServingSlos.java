package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;

/**
 * The SLO definitions a guarded model registers per version and per cohort, built from the builder's settings.
 *
 * @param availabilityObjective share of calls that must succeed
 * @param latencyThreshold      a call is good when it takes at most this long
 * @param latencyObjective      share of calls that must be that fast
 * @param window                rolling window of availability and latency SLOs
 * @param accuracyTarget        a quality slice is good when at least this share of its labels is correct
 * @param accuracySlice         the quality slice length
 * @param accuracyObjective     share of quality slices that must be good
 * @param accuracyWindow        rolling window of quality SLOs
 */
record ServingSlos(double availabilityObjective, Duration latencyThreshold, double latencyObjective,
                   Duration window, double accuracyTarget, Duration accuracySlice, double accuracyObjective,
                   Duration accuracyWindow) {

    Slo availability(String name) {
        return Slo.ratio(name).objective(availabilityObjective).rollingWindow(window)
                .description("calls answered by the model without exception, timeout or rejection").build();
    }

    Slo latency(String name) {
        return Slo.threshold(name, Operator.LTE, latencyThreshold.toNanos() / 1e6).objective(latencyObjective)
                .rollingWindow(window).description("calls answered within " + latencyThreshold).build();
    }

    Slo accuracy(String name) {
        return Slo.timeslices(name).atLeast(accuracyTarget).slice(accuracySlice).objective(accuracyObjective)
                .rollingWindow(accuracyWindow)
                .description("slices of " + accuracySlice + " whose labelled predictions are at least "
                        + accuracyTarget + " correct").build();
    }

    Slo labelled(String name) {
        return Slo.ratio(name).objective(accuracyTarget).rollingWindow(window)
                .description("labelled predictions judged correct (per cohort, for release analysis)").build();
    }
}
