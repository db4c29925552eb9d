package io.github.mlhighway.lifecycle.core.slo.openslo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes documents of the model as OpenSLO YAML, one {@code ---} document each, fields in the order of the
 * OpenSLO specification. What {@link OpenSloReader} reads from the output equals what was written.
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1
 */
public final class OpenSloWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    /**
     * Writes the documents.
     *
     * @param documents the documents, in order
     * @return the YAML text, each document starting with {@code ---}
     */
    public String write(List<? extends OpenSloDocument> documents) {
        StringBuilder text = new StringBuilder();
        for (OpenSloDocument document : documents) {
            try {
                text.append(YAML.writeValueAsString(tree(document)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("Cannot write OpenSLO document '" + document.name() + "'", e);
            }
        }
        return text.toString();
    }

    /**
     * Writes one document.
     *
     * @param document the document
     * @return the YAML text
     */
    public String write(OpenSloDocument document) {
        return write(List.of(document));
    }

    /**
     * The YAML tree of a document.
     *
     * @param document the document
     * @return the tree, fields in specification order
     */
    public ObjectNode tree(OpenSloDocument document) {
        ObjectNode node = NODES.objectNode();
        put(node, "apiVersion", document.apiVersion());
        node.put("kind", document.kind());
        if (document instanceof SloDocument slo) {
            node.set("metadata", metadata(Objects.requireNonNull(slo.metadata())));
            node.set("spec", sloSpec(slo.spec(), OpenSloDocument.V1ALPHA.equals(slo.apiVersion())));
        } else if (document instanceof SliDocument sli) {
            node.set("metadata", metadata(Objects.requireNonNull(sli.metadata())));
            node.set("spec", sliSpec(sli.spec()));
        } else if (document instanceof AlertPolicyDocument policy) {
            node.set("metadata", metadata(Objects.requireNonNull(policy.metadata())));
            node.set("spec", alertPolicySpec(policy.spec()));
        } else if (document instanceof AlertConditionDocument condition) {
            node.set("metadata", metadata(Objects.requireNonNull(condition.metadata())));
            node.set("spec", alertConditionSpec(condition.spec()));
        } else if (document instanceof OtherDocument other) {
            node.set("metadata", metadata(other.metadata()));
            if (other.spec() != null) {
                node.set("spec", other.spec());
            }
        }
        return node;
    }

    private static ObjectNode metadata(Metadata metadata) {
        ObjectNode node = NODES.objectNode();
        node.put("name", metadata.name());
        put(node, "displayName", metadata.displayName());
        if (!metadata.labels().isEmpty()) {
            ObjectNode labels = node.putObject("labels");
            for (Map.Entry<String, Object> label : metadata.labels().entrySet()) {
                if (label.getValue() instanceof List<?> values) {
                    ArrayNode array = labels.putArray(label.getKey());
                    values.forEach(value -> array.add(String.valueOf(value)));
                } else {
                    labels.put(label.getKey(), (String) label.getValue());
                }
            }
        }
        if (!metadata.annotations().isEmpty()) {
            ObjectNode annotations = node.putObject("annotations");
            metadata.annotations().forEach(annotations::put);
        }
        return node;
    }

    private ObjectNode sloSpec(SloDocument.Spec spec, boolean alpha) {
        ObjectNode node = NODES.objectNode();
        put(node, "description", spec.description());
        put(node, "service", spec.service());
        if (spec.indicator() != null) {
            node.set("indicator", inlineSli(spec.indicator()));
        }
        put(node, "indicatorRef", spec.indicatorRef());
        ArrayNode windows = node.putArray(alpha ? "timeWindows" : "timeWindow");
        for (SloDocument.TimeWindowSpec window : spec.timeWindows()) {
            ObjectNode item = windows.addObject();
            put(item, "duration", window.duration());
            if (window.count() != null) {
                item.put("count", window.count());
            }
            put(item, "unit", window.unit());
            if (window.isRolling() != null) {
                item.put("isRolling", window.isRolling());
            }
            if (window.calendar() != null) {
                ObjectNode calendar = item.putObject("calendar");
                put(calendar, "startTime", window.calendar().startTime());
                put(calendar, "timeZone", window.calendar().timeZone());
            }
        }
        put(node, "budgetingMethod", spec.budgetingMethod());
        ArrayNode objectives = node.putArray("objectives");
        spec.objectives().forEach(objective -> objectives.add(objective(objective)));
        if (!spec.alertPolicies().isEmpty()) {
            ArrayNode policies = node.putArray("alertPolicies");
            for (SloDocument.AlertPolicyEntry entry : spec.alertPolicies()) {
                if (entry.alertPolicyRef() != null) {
                    policies.addObject().put("alertPolicyRef", entry.alertPolicyRef());
                } else {
                    policies.add(tree(Objects.requireNonNull(entry.inline())));
                }
            }
        }
        return node;
    }

    private ObjectNode objective(SloDocument.Objective objective) {
        ObjectNode node = NODES.objectNode();
        put(node, "displayName", objective.displayName());
        put(node, "op", objective.op());
        put(node, "value", objective.value());
        put(node, "target", objective.target());
        put(node, "targetPercent", objective.targetPercent());
        put(node, "timeSliceTarget", objective.timeSliceTarget());
        put(node, "timeSliceWindow", objective.timeSliceWindow());
        if (objective.indicator() != null) {
            node.set("indicator", inlineSli(objective.indicator()));
        }
        put(node, "indicatorRef", objective.indicatorRef());
        put(node, "compositeWeight", objective.compositeWeight());
        if (objective.ratioMetrics() != null) {
            node.set("ratioMetrics", ratioMetric(objective.ratioMetrics()));
        }
        return node;
    }

    private ObjectNode inlineSli(SliDocument sli) {
        if (sli.metadata() == null) {
            ObjectNode alpha = NODES.objectNode();
            putMetric(alpha, "thresholdMetric", sli.spec().thresholdMetric());
            return alpha;
        }
        ObjectNode node = NODES.objectNode();
        node.set("metadata", metadata(sli.metadata()));
        node.set("spec", sliSpec(sli.spec()));
        return node;
    }

    private ObjectNode sliSpec(SliDocument.Spec spec) {
        ObjectNode node = NODES.objectNode();
        put(node, "description", spec.description());
        if (spec.thresholdMetric() != null) {
            node.set("thresholdMetric", metric(spec.thresholdMetric()));
        }
        if (spec.ratioMetric() != null) {
            node.set("ratioMetric", ratioMetric(spec.ratioMetric()));
        }
        return node;
    }

    private ObjectNode ratioMetric(SliDocument.RatioMetric ratio) {
        ObjectNode node = NODES.objectNode();
        if (ratio.counter() != null) {
            node.put("counter", ratio.counter());
        }
        if (ratio.incremental() != null) {
            node.put("incremental", ratio.incremental());
        }
        putMetric(node, "good", ratio.good());
        putMetric(node, "bad", ratio.bad());
        putMetric(node, "total", ratio.total());
        put(node, "rawType", ratio.rawType());
        putMetric(node, "raw", ratio.raw());
        return node;
    }

    private void putMetric(ObjectNode node, String field, @Nullable MetricSpec metric) {
        if (metric != null) {
            node.set(field, metric(metric));
        }
    }

    private static ObjectNode metric(MetricSpec metric) {
        ObjectNode node = NODES.objectNode();
        if (metric.metricSource() != null) {
            ObjectNode source = node.putObject("metricSource");
            put(source, "metricSourceRef", metric.metricSource().metricSourceRef());
            put(source, "type", metric.metricSource().type());
            if (metric.metricSource().spec() != null) {
                source.set("spec", metric.metricSource().spec());
            }
        }
        put(node, "source", metric.source());
        put(node, "queryType", metric.queryType());
        put(node, "query", metric.query());
        return node;
    }

    private ObjectNode alertPolicySpec(AlertPolicyDocument.Spec spec) {
        ObjectNode node = NODES.objectNode();
        put(node, "description", spec.description());
        putBoolean(node, "alertWhenNoData", spec.alertWhenNoData());
        putBoolean(node, "alertWhenResolved", spec.alertWhenResolved());
        putBoolean(node, "alertWhenBreaching", spec.alertWhenBreaching());
        ArrayNode conditions = node.putArray("conditions");
        for (AlertPolicyDocument.ConditionEntry entry : spec.conditions()) {
            if (entry.conditionRef() != null) {
                conditions.addObject().put("conditionRef", entry.conditionRef());
            } else {
                conditions.add(tree(Objects.requireNonNull(entry.inline())));
            }
        }
        if (!spec.notificationTargets().isEmpty()) {
            ArrayNode targets = node.putArray("notificationTargets");
            spec.notificationTargets().forEach(targets::add);
        }
        return node;
    }

    private static ObjectNode alertConditionSpec(AlertConditionDocument.Spec spec) {
        ObjectNode node = NODES.objectNode();
        put(node, "description", spec.description());
        put(node, "severity", spec.severity());
        AlertConditionDocument.Condition condition = spec.condition();
        if (condition != null) {
            ObjectNode item = node.putObject("condition");
            put(item, "kind", condition.kind());
            put(item, "op", condition.op());
            put(item, "threshold", condition.threshold());
            put(item, "lookbackWindow", condition.lookbackWindow());
            put(item, "alertAfter", condition.alertAfter());
        }
        return node;
    }

    private static void put(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void put(ObjectNode node, String field, @Nullable Double value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putBoolean(ObjectNode node, String field, @Nullable Boolean value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /**
     * The tree of any model value, for callers that embed documents elsewhere.
     *
     * @param documents documents
     * @return an array of their trees
     */
    public JsonNode trees(List<? extends OpenSloDocument> documents) {
        ArrayNode array = NODES.arrayNode();
        documents.forEach(document -> array.add(tree(document)));
        return array;
    }
}
