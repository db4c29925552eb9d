package io.github.mlhighway.lifecycle.core.evaluation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A metric computed on weighted rows: a value with the row count behind it, or the reason it is undefined.
 *
 * @param value    the value; NaN exactly when undefined (a custom metric may also return NaN, which callers
 *                 treat as an error)
 * @param n        weighted number of rows used
 * @param excluded weighted number of rows the definition left out (MAPE: actual = 0)
 * @param reason   why the value is undefined, or {@code null} when it is defined
 * @since 0.1
 */
public record Score(double value, int n, int excluded, @Nullable String reason) {

    /**
     * A defined value.
     *
     * @param value the value
     * @param n     rows used
     * @return the score
     */
    public static Score of(double value, int n) {
        return new Score(value, n, 0, null);
    }

    /**
     * A defined value for which some rows were left out.
     *
     * @param value    the value
     * @param n        rows used
     * @param excluded rows left out
     * @return the score
     */
    public static Score of(double value, int n, int excluded) {
        return new Score(value, n, excluded, null);
    }

    /**
     * An undefined value.
     *
     * @param reason why, as a sentence fragment such as "needs both classes, got only positives"
     * @return the score
     */
    public static Score undefined(String reason) {
        return new Score(Double.NaN, 0, 0, Objects.requireNonNull(reason, "reason"));
    }

    /** @return true when the metric has a value (which may still be NaN if a custom metric misbehaved) */
    public boolean defined() {
        return reason == null;
    }

    /** @return true when defined and finite */
    public boolean usable() {
        return reason == null && Double.isFinite(value);
    }
}
