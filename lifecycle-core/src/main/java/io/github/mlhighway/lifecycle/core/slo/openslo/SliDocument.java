package io.github.mlhighway.lifecycle.core.slo.openslo;

import org.jspecify.annotations.Nullable;

/**
 * An OpenSLO {@code SLI} document, or an indicator written inline in an SLO (then {@code apiVersion} is
 * {@code null}).
 *
 * @param apiVersion the API version, {@code null} when inline
 * @param metadata   the metadata ({@code null} only for a v1alpha inline indicator)
 * @param spec       the indicator
 * @since 0.1
 */
public record SliDocument(@Nullable String apiVersion, @Nullable Metadata metadata,
        Spec spec) implements OpenSloDocument {

    /** The kind name. */
    public static final String KIND = "SLI";

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * The SLI spec: exactly one of a threshold metric and a ratio metric.
     *
     * @param description     free text, or {@code null}
     * @param thresholdMetric the measured value, or {@code null}
     * @param ratioMetric     the good/bad/total events, or {@code null}
     */
    public record Spec(@Nullable String description, @Nullable MetricSpec thresholdMetric,
                       @Nullable RatioMetric ratioMetric) {
    }

    /**
     * A ratio metric: {@code good} or {@code bad} with {@code total}, or a {@code raw} ratio with its
     * {@code rawType}.
     *
     * @param counter     whether the sources are counters, or {@code null}
     * @param incremental v1alpha {@code incremental}, or {@code null}
     * @param good        good events, or {@code null}
     * @param bad         bad events, or {@code null}
     * @param total       all events, or {@code null}
     * @param rawType     {@code success} or {@code failure} for a raw ratio, or {@code null}
     * @param raw         a pre-computed ratio, or {@code null}
     */
    public record RatioMetric(@Nullable Boolean counter, @Nullable Boolean incremental, @Nullable MetricSpec good,
                              @Nullable MetricSpec bad, @Nullable MetricSpec total,
                              @Nullable String rawType, @Nullable MetricSpec raw) {
    }
}
