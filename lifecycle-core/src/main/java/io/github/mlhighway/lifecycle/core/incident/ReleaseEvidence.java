package io.github.mlhighway.lifecycle.core.incident;

import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.incident.IncidentEventKind;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import io.github.mlhighway.lifecycle.release.ReleaseEvent;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns release events into incident evidence, each with an idempotency id so a re-delivered event changes
 * nothing twice.
 *
 * <ul>
 *   <li>{@code ROLLED_BACK}: rollback evidence that opens (or joins) the incident of the release's key and marks
 *       it mitigated; once per release.
 *   <li>{@code PROMOTED}: when the key's open incident was already open when the release started (its timeline
 *       has this release's start), the promotion replaced what the incident is about: it marks the incident
 *       mitigated. Otherwise (an incident that opened during the release is about the candidate) it is a note.
 *   <li>{@code STARTED}, {@code PAUSED}, {@code RESUMED}, {@code FROZEN}, {@code AWAITING_APPROVAL},
 *       {@code ABORTED}: a note on the key's open incident; never opens one.
 *   <li>{@code ANALYSIS}, {@code STEP_ADVANCED}: nothing (one per interval, the release journal has them).
 * </ul>
 */
final class ReleaseEvidence {

    /** The detail naming the release event type of a release note. */
    static final String RELEASE_EVENT = "release_event";

    private ReleaseEvidence() {
    }

    static Optional<IncidentEvidence> of(ReleaseEvent event, String key, Optional<Incident> open) {
        String release = event.releaseId();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("candidate_weight", (double) event.candidateWeight());
        numbers.put("step", (double) event.stepIndex());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("release", release);
        details.put(RELEASE_EVENT, event.type().name());
        details.put("baseline_version", event.baselineVersion());
        details.put("candidate_version", event.candidateVersion());
        String perRelease = "release/" + release + "/" + event.type().name().toLowerCase(Locale.ROOT);
        String perEvent = perRelease + "/" + event.at().toEpochMilli() + "/" + event.stepIndex();
        return switch (event.type()) {
            case ROLLED_BACK -> Optional.of(IncidentEvidence.rollback(release, event.candidateVersion(),
                            event.baselineVersion(), event.message(), numbers).forKey(key).at(event.at())
                    .withIdempotencyId(perRelease));
            case PROMOTED -> {
                if (open.isEmpty()) {
                    yield Optional.empty();
                }
                boolean predates = open.get().timeline().stream().anyMatch(e -> release.equals(e.details()
                        .get("release")) && ReleaseEventType.STARTED.name().equals(e.details().get(RELEASE_EVENT)));
                String sentence = "Release " + release + " promoted " + event.candidateVersion() + " over "
                        + event.baselineVersion() + (predates ? ", replacing the version this incident is about: "
                        : ": ") + event.message();
                yield Optional.of(new IncidentEvidence(key, event.at(), predates ? IncidentEventKind.MITIGATED
                        : IncidentEventKind.NOTE, release, sentence, numbers, details, false, predates, perRelease));
            }
            case STARTED, PAUSED, RESUMED, FROZEN, AWAITING_APPROVAL, ABORTED -> open.isEmpty() ? Optional.empty()
                    : Optional.of(new IncidentEvidence(key, event.at(), IncidentEventKind.NOTE, release,
                    "Release " + release + " (" + event.baselineVersion() + " -> " + event.candidateVersion() + ") "
                            + event.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                            + event.message(), numbers, details, false, false,
                    event.type() == ReleaseEventType.STARTED ? perRelease : perEvent));
            case ANALYSIS, STEP_ADVANCED -> Optional.empty();
        };
    }
}
