package io.github.mlhighway.lifecycle.core.release;

/**
 * Whether a release analysis compares the cohorts' incorrect ratios (the quality of predictions whose delayed
 * labels were joined). Labels are counted in the analysis in which they are joined, not in the one that saw the
 * prediction served, so with a label delay longer than the analysis interval the first analyses at a step see few
 * labels (see {@link ReleaseConfig.Builder#labelDelay}).
 *
 * @since 0.1
 */
public enum QualityComparison {

    /** Never compare quality. */
    OFF,

    /**
     * Compare when both cohorts have {@code minSample} labels in the analysis; with fewer, the verdict says why
     * quality was not compared (a warning when some labels arrived, a note when none did) and the analysis can
     * still succeed. The default.
     */
    WHEN_LABELLED,

    /**
     * Quality must be judged: a cohort with fewer than {@code minSample} labels in the analysis makes it
     * INCONCLUSIVE (which pauses the release at the inconclusive limit).
     */
    REQUIRED
}
