package io.github.mlhighway.lifecycle.slo;

import java.util.Objects;

/**
 * Where a monitoring system finds a metric: a source type (e.g. {@code prometheus}) and a query. Used when an
 * SLO is exported (Prometheus rules); an SLO recorded in-process needs none.
 *
 * <p>A Prometheus query may contain {@code {{.window}}} where the range goes, as Sloth's queries do.
 *
 * @param type  the source type, empty when unknown
 * @param query the query text, empty when none
 * @since 0.1
 */
public record MetricSource(String type, String query) {

    private static final MetricSource NONE = new MetricSource("", "");

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     */
    public MetricSource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(query, "query");
    }

    /**
     * No source: the SLI is recorded in-process only.
     *
     * @return the empty source
     */
    public static MetricSource none() {
        return NONE;
    }

    /**
     * A Prometheus (PromQL) query.
     *
     * @param query the PromQL expression, optionally with {@code {{.window}}}
     * @return the source
     */
    public static MetricSource prometheus(String query) {
        return new MetricSource("prometheus", query);
    }

    /**
     * Whether a query is present.
     *
     * @return true when the query is not blank
     */
    public boolean isDefined() {
        return !query.isBlank();
    }
}
