package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.slo.BurnRate;
import java.time.Duration;

/** The trackers of one release cohort: availability, latency and labelled-correct counts. */
final class CohortSlis {

    final String cohort;
    final SloTracker availability;
    final SloTracker latency;
    final SloTracker labelled;

    CohortSlis(String model, String cohort, ServingSlos slos, SloRegistry registry) {
        this.cohort = cohort;
        this.availability = registry.register(slos.availability(SloNames.cohort(model, cohort, "availability")));
        this.latency = registry.register(slos.latency(SloNames.cohort(model, cohort, "latency")));
        this.labelled = registry.register(slos.labelled(SloNames.cohort(model, cohort, "correct")));
    }

    CohortStats stats(Duration window) {
        BurnRate calls = availability.burnRate(window);
        BurnRate speed = latency.burnRate(window);
        BurnRate labels = labelled.burnRate(window);
        long requests = calls.eligible();
        long errors = Math.min(requests, Math.round(calls.bad()));
        // Trackers tick one after the other: clamp so a call recorded in between cannot break the invariants.
        long slow = Math.min(requests, Math.round(speed.bad()));
        long labelledCount = labels.eligible();
        long incorrect = Math.min(labelledCount, Math.round(labels.bad()));
        return new CohortStats(cohort, window, requests, errors, slow, labelledCount, incorrect);
    }

    /**
     * Everything recorded since the trackers were created, from their lock-free counters (no tick needed).
     * Latency is read before availability (a call records availability first), so slow never exceeds requests.
     */
    CohortStats totals(Duration counting) {
        long slow = latency.badEventsRecorded();
        long errors = availability.badEventsRecorded();
        long requests = errors + availability.goodEventsRecorded();
        long incorrect = labelled.badEventsRecorded();
        long labelledCount = incorrect + labelled.goodEventsRecorded();
        return new CohortStats(cohort, counting, requests, errors, Math.min(slow, requests), labelledCount,
                incorrect);
    }
}
