package io.github.mlhighway.lifecycle.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation of a model version on a dataset, as recorded for the report.
 *
 * @param at           when
 * @param label        the role of the model, e.g. {@code champion} or {@code challenger}
 * @param modelVersion the model version, e.g. {@code rain@1}
 * @param dataset      the dataset, e.g. {@code new-york-holdout}
 * @param rows         rows evaluated
 * @param metrics      every defined overall metric, sorted by name
 * @since 0.1
 */
public record EvaluationPoint(Instant at, String label, String modelVersion, String dataset, int rows,
                              List<MetricEstimate> metrics) {

    /** Validates and copies the components. */
    public EvaluationPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(dataset, "dataset");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
}
