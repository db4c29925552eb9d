package io.github.mlhighway.lifecycle.core.evaluation.gate;

import java.util.Locale;

/**
 * A required change of the challenger against the champion, in the metric's direction of improvement
 * ({@code d = challenger - champion} when higher is better, {@code champion - challenger} when lower is better;
 * relative: {@code d / |champion|}).
 *
 * @param kind     non-inferiority (d may be as low as -margin) or superiority (d must exceed +margin)
 * @param margin   the margin, at least 0; a fraction of the champion's value when relative
 * @param relative whether the margin is relative to the champion's value
 * @since 0.1
 */
public record ChangeThreshold(Kind kind, double margin, boolean relative) {

    /** The two kinds of change threshold. */
    public enum Kind {
        /** The challenger may be worse by at most the margin. */
        NON_INFERIORITY,
        /** The challenger must be better by more than the margin. */
        SUPERIORITY
    }

    /**
     * Validates the margin.
     *
     * @throws IllegalArgumentException for a negative or non-finite margin
     */
    public ChangeThreshold {
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("A margin must be finite and at least 0, got " + margin);
        }
    }

    /**
     * The limit the lower end of the improvement's confidence interval must exceed to pass.
     *
     * @return {@code -margin} for non-inferiority, {@code +margin} for superiority
     */
    public double limit() {
        return kind == Kind.NON_INFERIORITY ? -margin : margin;
    }

    /** @return the check-name suffix, e.g. {@code "relative_non_inferiority"} */
    public String checkName() {
        return (relative ? "relative_" : "") + kind.name().toLowerCase(Locale.ROOT);
    }
}
