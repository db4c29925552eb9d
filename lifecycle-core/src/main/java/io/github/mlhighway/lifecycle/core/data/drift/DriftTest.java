package io.github.mlhighway.lifecycle.core.data.drift;

/**
 * The drift tests, with their ids (used in JSON and CLI output), effect measures and default effect thresholds.
 * A column drifts only when the significance test rejects (after correction) <em>and</em> the effect reaches the
 * threshold. Distance tests have no p-value of their own; their significance comes from KS (numeric) or
 * chi-squared (categorical) on the same data.
 *
 * @since 0.1
 */
public enum DriftTest {
    /** Two-sample Kolmogorov–Smirnov; effect: the KS statistic D; default minimum 0.1. */
    KS("ks", true, "ks_statistic", 0.1),
    /** Chi-squared homogeneity; effect: Cramér's V; default minimum 0.1 (Cohen's "small"). */
    CHI_SQUARED("chi_squared", true, "cramers_v", 0.1),
    /** Two-proportion Z-test; effect: Cohen's h; default minimum 0.2 (Cohen's "small"). */
    Z_TEST("z_test", true, "cohens_h", 0.2),
    /** Population stability index over reference-quantile bins; effect: the PSI; default threshold 0.1. */
    PSI("psi", false, "psi", 0.1),
    /** Jensen–Shannon distance (natural log); effect: the distance; default threshold 0.1 (Evidently). */
    JENSEN_SHANNON("jensen_shannon", false, "jensen_shannon_distance", 0.1),
    /** Wasserstein distance over the reference's population std; effect: that ratio; default threshold 0.1. */
    WASSERSTEIN("wasserstein", false, "wasserstein_over_std", 0.1),
    /** Hellinger distance; effect: the distance; default threshold 0.1. */
    HELLINGER("hellinger", false, "hellinger_distance", 0.1);

    /** PSI above this is usually called a major shift. */
    public static final double PSI_MAJOR = 0.25;

    private final String id;
    private final boolean hasPValue;
    private final String effectMeasure;
    private final double defaultThreshold;

    DriftTest(String id, boolean hasPValue, String effectMeasure, double defaultThreshold) {
        this.id = id;
        this.hasPValue = hasPValue;
        this.effectMeasure = effectMeasure;
        this.defaultThreshold = defaultThreshold;
    }

    /** @return the stable id, e.g. {@code "wasserstein"} */
    public String id() {
        return id;
    }

    /** @return whether the test yields its own p-value */
    public boolean hasPValue() {
        return hasPValue;
    }

    /** @return the name of the effect measure */
    public String effectMeasure() {
        return effectMeasure;
    }

    /** @return the default minimum effect (or distance threshold) */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** @return whether the test needs numeric values (KS and Wasserstein) */
    public boolean needsNumeric() {
        return this == KS || this == WASSERSTEIN;
    }
}
