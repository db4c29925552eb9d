package io.github.mlhighway.lifecycle.core.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A free-form mark on the report's timeline.
 *
 * @param at      when
 * @param kind    a short category, e.g. {@code traffic}
 * @param message a sentence, e.g. {@code switched traffic to New York}
 * @since 0.1
 */
public record EventPoint(Instant at, String kind, String message) {

    /** Validates the components. */
    public EventPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
