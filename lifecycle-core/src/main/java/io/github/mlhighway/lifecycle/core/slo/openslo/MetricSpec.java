package io.github.mlhighway.lifecycle.core.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Where one metric comes from. OpenSLO v1 writes {@code metricSource: {metricSourceRef, type, spec}}; v1alpha
 * (Sloth) writes {@code source}, {@code queryType} and {@code query} directly. Exactly one form is set.
 *
 * @param metricSource the v1 form, or {@code null}
 * @param source       v1alpha source, e.g. {@code prometheus}, or {@code null}
 * @param queryType    v1alpha query type, e.g. {@code promql}, or {@code null}
 * @param query        v1alpha query, or {@code null}
 * @since 0.1
 */
public record MetricSpec(@Nullable MetricSource metricSource, @Nullable String source, @Nullable String queryType,
        @Nullable String query) {

    /**
     * The v1 {@code metricSource}.
     *
     * @param metricSourceRef the name of a DataSource document, or {@code null}
     * @param type            the source type, e.g. {@code Prometheus}, or {@code null}
     * @param spec            the source-specific fields (any YAML), e.g. {@code {query: ...}}
     */
    public record MetricSource(@Nullable String metricSourceRef, @Nullable String type, @Nullable JsonNode spec) {
    }

    /**
     * A v1 metric.
     *
     * @param type  source type
     * @param query the query, kept as {@code spec.query}
     * @return the metric spec
     */
    public static MetricSpec v1(String type, String query) {
        com.fasterxml.jackson.databind.node.ObjectNode spec =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        spec.put("query", query);
        return new MetricSpec(new MetricSource(null, type, spec), null, null, null);
    }
}
