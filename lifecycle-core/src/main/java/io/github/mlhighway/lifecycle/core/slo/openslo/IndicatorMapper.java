package io.github.mlhighway.lifecycle.core.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.MetricSource;
import io.github.mlhighway.lifecycle.slo.Operator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Maps an objective's indicator (inline, by reference or v1alpha) to an engine {@link Indicator}. */
final class IndicatorMapper {

    private final DocumentIndex index;

    IndicatorMapper(DocumentIndex index) {
        this.index = index;
    }

    /**
     * The indicator of objective {@code i}, or {@code null} after reporting a problem.
     *
     * @param slo     the SLO document
     * @param i       objective index
     * @param sloName the engine SLO's name, used when the indicator has none (v1alpha)
     */
    @Nullable Indicator map(Located<SloDocument> slo, int i, String sloName) {
        SloDocument.Spec spec = slo.value().spec();
        SloDocument.Objective objective = spec.objectives().get(i);
        String objectivePath = "spec.objectives[" + i + "]";
        Located<SliDocument> sli;
        if (objective.ratioMetrics() != null) {
            if (!noComparison(slo, objectivePath, objective, false)) {
                return null;
            }
            return ratio(objective.ratioMetrics(), sloName, slo, objectivePath + ".ratioMetrics");
        } else if (objective.indicator() != null) {
            sli = new Located<>(objective.indicator(), slo.problems(), objectivePath + ".indicator");
        } else if (objective.indicatorRef() != null) {
            sli = resolve(slo, objectivePath + ".indicatorRef", objective.indicatorRef());
        } else if (spec.indicator() != null) {
            sli = new Located<>(spec.indicator(), slo.problems(), "spec.indicator");
        } else {
            sli = resolve(slo, "spec.indicatorRef", Objects.requireNonNull(spec.indicatorRef()));
        }
        if (sli == null) {
            return null;
        }
        String name = sli.value().metadata() == null ? sloName : sli.value().metadata().name();
        String specPrefix = sli.value().metadata() == null ? "" : "spec.";
        SliDocument.Spec sliSpec = sli.value().spec();
        if (sliSpec.ratioMetric() != null) {
            if (!noComparison(slo, objectivePath, objective, OpenSloDocument.V1.equals(slo.value().apiVersion()))) {
                return null;
            }
            return ratio(sliSpec.ratioMetric(), name, sli, specPrefix + "ratioMetric");
        }
        if (objective.op() == null || objective.value() == null) {
            slo.problem(objectivePath, "found " + (objective.op() == null ? "no op" : "no value")
                    + ", expected op (lt, lte, gt, gte) and value for the threshold metric of SLI '" + name + "'");
            return null;
        }
        MetricSource source = source(sliSpec.thresholdMetric(), sli, specPrefix + "thresholdMetric");
        if (source == null) {
            return null;
        }
        try {
            return new Indicator.Threshold(name, Operator.fromOpenSlo(objective.op()), objective.value(), source);
        } catch (IllegalArgumentException e) {
            slo.problem(objectivePath, String.valueOf(e.getMessage()));
            return null;
        }
    }

    /**
     * Whether a ratio objective is free of {@code op} (and, in v1, {@code value}), which the OpenSLO SDK forbids
     * there: they compare a threshold metric with a value; a ratio has none.
     */
    private static boolean noComparison(Located<SloDocument> slo, String objectivePath, SloDocument.Objective objective,
                                        boolean valueForbidden) {
        boolean ok = true;
        if (objective.op() != null) {
            slo.problem(objectivePath + ".op",
                    "found " + SpecNode.quote(objective.op()) + " on an objective of a ratio "
                    + "SLI, expected no op: op and value compare a threshold metric with a value (the OpenSLO SDK "
                    + "forbids op here; a time slice of a ratio is good when its ratio is at least timeSliceTarget)");
            ok = false;
        }
        if (valueForbidden && objective.value() != null) {
            slo.problem(objectivePath + ".value", "found " + objective.value() + " on an objective of a ratio SLI, "
                    + "expected no value: it is the threshold of a threshold metric (the OpenSLO SDK forbids it here)");
            ok = false;
        }
        return ok;
    }

    private @Nullable Located<SliDocument> resolve(Located<SloDocument> slo, String path, String ref) {
        Located<SliDocument> found = index.find(SliDocument.KIND, ref);
        if (found == null) {
            slo.problem(path, "found '" + ref + "', expected the name of an SLI document in the given files ("
                    + index.known(SliDocument.KIND) + ")");
        }
        return found;
    }

    private @Nullable Indicator ratio(SliDocument.RatioMetric ratio, String name, Located<?> where, String path) {
        if (ratio.raw() != null) {
            where.problem(path + ".raw", "found a raw ratio metric, which Lifecycle cannot convert yet: expected good "
                    + "or bad events with total");
            return null;
        }
        boolean good = ratio.good() != null;
        MetricSource counted = source(good ? ratio.good() : ratio.bad(), where, path + (good ? ".good" : ".bad"));
        MetricSource total = source(ratio.total(), where, path + ".total");
        if (counted == null || total == null) {
            return null;
        }
        try {
            return new Indicator.Ratio(name, good ? Indicator.Counting.GOOD : Indicator.Counting.BAD, counted, total);
        } catch (IllegalArgumentException e) {
            where.problem(path, String.valueOf(e.getMessage()));
            return null;
        }
    }

    private @Nullable MetricSource source(@Nullable MetricSpec metric, Located<?> where, String path) {
        if (metric == null) {
            return MetricSource.none();
        }
        if (metric.metricSource() == null) {
            return new MetricSource(metric.source() == null ? "" : metric.source(),
                    metric.query() == null ? "" : metric.query());
        }
        MetricSpec.MetricSource source = metric.metricSource();
        String type = source.type();
        if (source.metricSourceRef() != null) {
            Located<OtherDocument> dataSource = index.find("DataSource", source.metricSourceRef());
            if (dataSource == null) {
                where.problem(path + ".metricSource.metricSourceRef", "found '" + source.metricSourceRef()
                        + "', expected the name of a DataSource document in the given files ("
                        + index.known("DataSource") + ")");
                return null;
            }
            JsonNode dataSourceType = dataSource.value().spec() == null ? null : dataSource.value().spec().get("type");
            if (type == null && dataSourceType != null) {
                type = dataSourceType.asText();
            }
        }
        return new MetricSource(type == null ? "" : type, query(source.spec()));
    }

    private static String query(@Nullable JsonNode spec) {
        if (spec == null) {
            return "";
        }
        if (spec.isValueNode()) {
            return spec.asText();
        }
        for (String field : new String[] {"query", "promql", "expr"}) {
            JsonNode value = spec.get(field);
            if (value != null && value.isValueNode()) {
                return value.asText();
            }
        }
        return "";
    }
}
