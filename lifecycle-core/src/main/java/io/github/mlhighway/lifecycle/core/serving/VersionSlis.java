package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import java.util.List;

/** The trackers of one model version: availability, latency and quality (accuracy on its own answers). */
final class VersionSlis {

    final String version;
    final SloTracker availability;
    final SloTracker latency;
    final SloTracker accuracy;
    final VersionTrackers view;

    /**
     * Registers the version's three trackers. Every name is checked first, so a taken name registers none of them
     * (the registry cannot unregister).
     *
     * @throws IllegalArgumentException naming the SLO name that is taken
     */
    VersionSlis(String model, String version, ServingSlos slos, SloRegistry registry) {
        String availabilityName = SloNames.version(model, version, "availability");
        String latencyName = SloNames.version(model, version, "latency");
        String accuracyName = SloNames.version(model, version, "accuracy");
        for (String name : List.of(availabilityName, latencyName, accuracyName)) {
            if (registry.find(name).isPresent()) {
                throw new IllegalArgumentException("Model '" + model + "': cannot track version '" + version
                        + "': an SLO named '" + name + "' is already registered in the SLO registry");
            }
        }
        this.version = version;
        this.availability = registry.register(slos.availability(availabilityName));
        this.latency = registry.register(slos.latency(latencyName));
        this.accuracy = registry.register(slos.accuracy(accuracyName));
        this.view = new VersionTrackers(version, availability, latency, accuracy);
    }
}
