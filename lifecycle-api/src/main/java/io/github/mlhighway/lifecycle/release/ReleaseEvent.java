package io.github.mlhighway.lifecycle.release;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a release, as delivered to {@link ReleaseListener}s after it was journaled.
 *
 * @param releaseId        the release
 * @param type             what happened
 * @param phase            the phase after the event
 * @param stepIndex        the step after the event, -1 before the first step
 * @param candidateWeight  the candidate's share of traffic in percent after the event
 * @param baselineVersion  the version being replaced
 * @param candidateVersion the version being released
 * @param at               when it happened (injected clock)
 * @param message          a sentence with the reason and numbers
 * @since 0.1
 */
public record ReleaseEvent(String releaseId, ReleaseEventType type, ReleasePhase phase, int stepIndex,
                           int candidateWeight, String baselineVersion, String candidateVersion, Instant at,
                           String message) {

    /** Validates the components. */
    public ReleaseEvent {
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(baselineVersion, "baselineVersion");
        Objects.requireNonNull(candidateVersion, "candidateVersion");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }
}
