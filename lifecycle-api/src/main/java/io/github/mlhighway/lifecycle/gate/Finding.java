package io.github.mlhighway.lifecycle.gate;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One measured fact behind a {@link Verdict}: what was checked, the value observed, the threshold it was
 * held against, the outcome of that comparison and a sentence a person can read.
 *
 * @param check     stable, machine-readable name of the check, e.g. {@code "error_budget.remaining"}
 * @param outcome   the outcome of this one check
 * @param observed  the observed value, or {@code null} when it could not be measured (a missing metric)
 * @param threshold the threshold the value was compared with, or {@code null} when the check has none
 * @param message   a human-readable sentence that explains the finding
 * @since 0.1
 */
public record Finding(String check, Outcome outcome, @Nullable Double observed, @Nullable Double threshold,
        String message) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if check, outcome or message is null
     * @throws IllegalArgumentException if check is blank
     */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if (check.isBlank()) {
            throw new IllegalArgumentException("Finding check name must not be blank");
        }
    }

    /**
     * A finding with an observed value and a threshold.
     *
     * @param check     name of the check
     * @param outcome   outcome of the check
     * @param observed  observed value
     * @param threshold threshold compared against
     * @param message   explanation
     * @return the finding
     */
    public static Finding of(String check, Outcome outcome, double observed, double threshold, String message) {
        return new Finding(check, outcome, observed, threshold, message);
    }

    /**
     * A finding that carries only a sentence (no measured value).
     *
     * @param check   name of the check
     * @param outcome outcome of the check
     * @param message explanation
     * @return the finding
     */
    public static Finding note(String check, Outcome outcome, String message) {
        return new Finding(check, outcome, null, null, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(outcome).append(' ').append(check);
        if (observed != null) {
            text.append(" observed=").append(observed);
        }
        if (threshold != null) {
            text.append(" threshold=").append(threshold);
        }
        return text.append(": ").append(message).toString();
    }
}
