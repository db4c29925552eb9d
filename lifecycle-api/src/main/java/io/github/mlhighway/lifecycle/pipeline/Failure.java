package io.github.mlhighway.lifecycle.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * Why something failed, kept in run records.
 *
 * @param type    exception class name
 * @param message exception message (may be empty)
 * @param attempt the attempt that failed, 0 when not tied to a stage attempt
 * @param at      when it failed
 * @since 0.1
 */
public record Failure(String type, String message, int attempt, Instant at) {

    /** Validates the components. */
    public Failure {
        Objects.requireNonNull(type, "type");
        message = message == null ? "" : message;
        Objects.requireNonNull(at, "at");
    }

    /**
     * The failure described by an exception.
     *
     * @param error   what was thrown
     * @param attempt the attempt, or 0
     * @param at      when
     * @return the failure
     */
    public static Failure of(Throwable error, int attempt, Instant at) {
        return new Failure(error.getClass().getName(), Objects.requireNonNullElse(error.getMessage(), ""), attempt, at);
    }

    @Override
    public String toString() {
        return type + (message.isEmpty() ? "" : ": " + message);
    }
}
