package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;

/** The trackers of one model version: availability, latency and quality (accuracy on timeslices). */
final class VersionSlis {

    final String version;
    final SloTracker availability;
    final SloTracker latency;
    final SloTracker accuracy;

    VersionSlis(String model, String version, ServingSlos slos, SloRegistry registry) {
        this.version = version;
        this.availability = registry.register(slos.availability(SloNames.version(model, version, "availability")));
        this.latency = registry.register(slos.latency(SloNames.version(model, version, "latency")));
        this.accuracy = registry.register(slos.accuracy(SloNames.version(model, version, "accuracy")));
    }
}
