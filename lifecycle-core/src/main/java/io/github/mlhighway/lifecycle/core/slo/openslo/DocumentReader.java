package io.github.mlhighway.lifecycle.core.slo.openslo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads one YAML tree into a document of the model, reporting every problem on the way. */
final class DocumentReader {

    private static final String METRIC_V1 = "a metric: {metricSource: {type, spec}}";
    private static final String OPS = "one of lt, lte, gt, gte";
    private static final Set<String> OP_NAMES = Set.of("lt", "lte", "gt", "gte");

    /** The OpenSLO v2alpha API version, recognised to say that it is not read yet. */
    static final String V2ALPHA = "openslo.com/v2alpha";

    private @Nullable String version;

    @Nullable OpenSloDocument read(SpecNode root) {
        if (!root.requireObject("an OpenSLO document (apiVersion, kind, metadata, spec)")) {
            return null;
        }
        version = root.field("apiVersion").requiredText(OpenSloDocument.V1 + " or " + OpenSloDocument.V1ALPHA);
        String kind = root.field("kind").requiredText("SLO, SLI, AlertPolicy, AlertCondition, DataSource, Service "
                + "or AlertNotificationTarget");
        if (V2ALPHA.equals(version)) {
            root.field("apiVersion").problem("found " + SpecNode.quote(version) + ", which Lifecycle does not read yet, expected "
                    + OpenSloDocument.V1 + " or " + OpenSloDocument.V1ALPHA);
            SpecNode metadata = root.field("metadata");
            if (metadata.isObject("metadata with a name")) {
                Names.check(metadata.field("name"), metadata.field("name").text("a name"));
            }
            return null;
        }
        if (version != null && !version.equals(OpenSloDocument.V1) && !version.equals(OpenSloDocument.V1ALPHA)) {
            root.field("apiVersion").problem("found " + SpecNode.quote(version) + ", expected " + OpenSloDocument.V1
                    + " or " + OpenSloDocument.V1ALPHA);
            return null;
        }
        if (version == null || kind == null) {
            return null;
        }
        if (isAlpha() && !kind.equals(SloDocument.KIND) && !kind.equals("Service")) {
            root.field("kind").problem("found " + SpecNode.quote(kind) + ", but " + OpenSloDocument.V1ALPHA
                    + " knows only SLO and Service; use apiVersion " + OpenSloDocument.V1);
            return null;
        }
        root.allowOnly(List.of("apiVersion", "kind", "metadata", "spec"));
        Metadata metadata = metadata(root.field("metadata"));
        SpecNode spec = root.field("spec");
        switch (kind) {
            case SloDocument.KIND:
                return metadata == null | !spec.requireObject("the SLO spec") ? null
                        : new SloDocument(version, metadata, sloSpec(spec));
            case SliDocument.KIND:
                return metadata == null | !spec.requireObject("the SLI spec") ? null
                        : new SliDocument(version, metadata, sliSpec(spec));
            case AlertPolicyDocument.KIND:
                return metadata == null | !spec.requireObject("the AlertPolicy spec") ? null
                        : new AlertPolicyDocument(version, metadata, alertPolicySpec(spec));
            case AlertConditionDocument.KIND:
                return metadata == null | !spec.requireObject("the AlertCondition spec") ? null
                        : new AlertConditionDocument(version, metadata, alertConditionSpec(spec));
            default:
                if (OtherDocument.KINDS.contains(kind)) {
                    otherSpec(kind, spec);
                    return metadata == null ? null : new OtherDocument(version, kind, metadata,
                            spec.isPresent() ? spec.value() : null);
                }
                root.field("kind").problem("found " + SpecNode.quote(kind) + ", expected SLO, SLI, AlertPolicy, AlertCondition, "
                        + "DataSource, Service or AlertNotificationTarget");
                return null;
        }
    }

    /** The spec of a kind kept whole: only its own fields (the SDK's closed schema), with their types. */
    private static void otherSpec(String kind, SpecNode spec) {
        if (!spec.isObject("the " + kind + " spec")) {
            return;
        }
        spec.field("description").text("text");
        switch (kind) {
            case "Service" -> spec.allowOnly(List.of("description"));
            case "DataSource" -> {
                spec.allowOnly(List.of("description", "type", "connectionDetails"));
                spec.field("type").requiredText("the data source type, e.g. Prometheus");
            }
            default -> {
                spec.allowOnly(List.of("description", "target"));
                spec.field("target").requiredText("the notification target, e.g. slack");
            }
        }
    }

    private boolean isAlpha() {
        return OpenSloDocument.V1ALPHA.equals(version);
    }

    private @Nullable Metadata metadata(SpecNode node) {
        if (!node.requireObject("metadata with a name")) {
            return null;
        }
        node.allowOnly(List.of("name", "displayName", "labels", "annotations"));
        String name = node.field("name").requiredText("a name");
        Names.check(node.field("name"), name);
        String displayName = node.field("displayName").text("text");
        Map<String, Object> labels = new LinkedHashMap<>();
        SpecNode labelsNode = node.field("labels");
        if (labelsNode.isObject("a mapping of label names to text or lists of text")) {
            labelsNode.value().fields().forEachRemaining(entry -> {
                SpecNode label = labelsNode.field(entry.getKey());
                if (entry.getValue().isArray()) {
                    List<String> values = new ArrayList<>();
                    label.elements("a list of text").forEach(element -> values.add(element.text("text")));
                    labels.put(entry.getKey(), values);
                } else {
                    String text = label.text("text or a list of text");
                    labels.put(entry.getKey(), text == null ? "" : text);
                }
            });
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        SpecNode annotationsNode = node.field("annotations");
        if (annotationsNode.isObject("a mapping of annotation names to text")) {
            annotationsNode.value().fieldNames().forEachRemaining(key -> {
                String text = annotationsNode.field(key).text("text");
                annotations.put(key, text == null ? "" : text);
            });
        }
        return name == null ? null : new Metadata(name, displayName, labels, annotations);
    }

    private SloDocument.Spec sloSpec(SpecNode spec) {
        String windowKey = isAlpha() ? "timeWindows" : "timeWindow";
        spec.allowOnly(isAlpha()
                ? List.of("description", "service", "indicator", "budgetingMethod", "objectives", "timeWindows")
                : List.of("description", "service", "indicator", "indicatorRef", "timeWindow", "budgetingMethod",
                "objectives", "alertPolicies"));
        String description = spec.field("description").text("text");
        String service = spec.field("service").text("text");
        if (service != null && Names.hasControl(service)) {
            spec.field("service").problem("found " + SpecNode.quote(service) + ", expected the name of a service on "
                    + "one line (no line break or control character)");
        }
        SliDocument indicator = null;
        SpecNode indicatorNode = spec.field("indicator");
        if (indicatorNode.isObject("an inline SLI: {metadata, spec}")) {
            indicator = isAlpha() ? alphaIndicator(indicatorNode) : inlineSli(indicatorNode);
        }
        String indicatorRef = Names.ref(spec.field("indicatorRef"), "the name of an SLI");
        if (indicator != null && indicatorRef != null) {
            spec.field("indicatorRef").problem("found both indicator and indicatorRef, expected one of them");
        }
        List<SloDocument.TimeWindowSpec> windows = new ArrayList<>();
        SpecNode windowsNode = spec.field(windowKey);
        List<SpecNode> windowNodes = windowsNode.elements("a list with one time window");
        if (windowNodes.size() != 1 && (windowsNode.isPresent() || isAlpha())) {
            windowsNode.problem("found " + (windowsNode.isPresent() ? windowNodes.size() + " time windows" : "nothing")
                    + ", expected a list with exactly one time window");
        }
        windowNodes.forEach(node -> windows.add(timeWindow(node)));
        String budgeting = spec.field("budgetingMethod").requiredText("Occurrences, Timeslices or RatioTimeslices");
        if (budgeting != null && !List.of("Occurrences", "Timeslices", "RatioTimeslices").contains(budgeting)) {
            spec.field("budgetingMethod").problem("found " + SpecNode.quote(budgeting)
                    + ", expected Occurrences, Timeslices or RatioTimeslices");
        }
        SpecNode objectivesNode = spec.field("objectives");
        List<SpecNode> objectiveNodes = objectivesNode.elements("a list of objectives");
        if (objectiveNodes.isEmpty()) {
            objectivesNode.problem("found no objective, expected a list of at least one objective");
        }
        List<SloDocument.Objective> objectives = new ArrayList<>();
        for (SpecNode node : objectiveNodes) {
            SloDocument.Objective objective = objective(node, budgeting);
            boolean ratio = objective != null && (objective.ratioMetrics() != null || (objective.indicator() == null
                    && indicator != null && indicator.spec() != null && indicator.spec().ratioMetric() != null));
            if (ratio && Objects.requireNonNull(objective).op() != null) {
                node.field("op").problem("found " + SpecNode.quote(objective.op()) + " on an objective of a ratio SLI, "
                        + "expected no op: op and value compare a threshold metric with a value (the OpenSLO SDK "
                        + "forbids op here; a time slice of a ratio is good when its ratio is at least timeSliceTarget)");
            }
            if (ratio && !isAlpha() && Objects.requireNonNull(objective).value() != null) {
                node.field("value").problem("found " + objective.value() + " on an objective of a ratio SLI, expected "
                        + "no value: it is the threshold of a threshold metric (the OpenSLO SDK forbids it here)");
            }
            if (objective != null) {
                objectives.add(objective);
                if (indicator == null && indicatorRef == null && objective.indicator() == null
                        && objective.indicatorRef() == null && objective.ratioMetrics() == null) {
                    node.problem("has no indicator, expected spec.indicator, spec.indicatorRef or an indicator "
                            + "on the objective");
                }
            }
        }
        List<SloDocument.AlertPolicyEntry> policies = new ArrayList<>();
        for (SpecNode node : spec.field("alertPolicies").elements("a list of alert policies")) {
            if (node.requireObject("{alertPolicyRef: name} or an inline AlertPolicy")) {
                if (node.value().has("alertPolicyRef")) {
                    node.allowOnly(List.of("alertPolicyRef"));
                    policies.add(new SloDocument.AlertPolicyEntry(
                            Names.requiredRef(node.field("alertPolicyRef"), "the name of an AlertPolicy"), null));
                } else {
                    AlertPolicyDocument inline = inlineAlertPolicy(node);
                    if (inline != null) {
                        policies.add(new SloDocument.AlertPolicyEntry(null, inline));
                    }
                }
            }
        }
        return new SloDocument.Spec(description, service, indicator, indicatorRef, windows, budgeting, objectives,
                policies);
    }

    private SloDocument.@Nullable Objective objective(SpecNode node, @Nullable String budgeting) {
        if (!node.requireObject("an objective")) {
            return null;
        }
        node.allowOnly(isAlpha()
                ? List.of("displayName", "op", "value", "target", "timeSliceTarget", "timeSliceWindow", "ratioMetrics")
                : List.of("displayName", "op", "value", "target", "targetPercent", "timeSliceTarget", "timeSliceWindow",
                "indicator", "indicatorRef", "compositeWeight"));
        String displayName = node.field("displayName").text("text");
        String op = operator(node.field("op"));
        Double value = node.field("value").number("a number");
        SpecNode targetNode = node.field("target");
        Double target = targetNode.number("a number strictly between 0 and 1");
        if (target != null && !(target > 0 && target < 1)) {
            targetNode.problem("found " + target + ", expected a number strictly between 0 and 1 (e.g. 0.999)");
        }
        SpecNode percentNode = node.field("targetPercent");
        Double targetPercent = percentNode.number("a number strictly between 0 and 100");
        if (targetPercent != null && !(targetPercent > 0 && targetPercent < 100)) {
            percentNode.problem("found " + targetPercent + ", expected a number strictly between 0 and 100 (e.g. 99.9)");
        }
        if (targetNode.isPresent() == percentNode.isPresent()) {
            node.problem((targetNode.isPresent() ? "found both target and targetPercent" : "found no target")
                    + ", expected target (strictly between 0 and 1) or targetPercent (strictly between 0 and 100)");
        }
        SpecNode sliceTargetNode = node.field("timeSliceTarget");
        Double sliceTarget = sliceTargetNode.number("a number in (0, 1]");
        if (sliceTarget != null && !(sliceTarget > 0 && sliceTarget <= 1)) {
            sliceTargetNode.problem("found " + sliceTarget + ", expected a number in (0, 1]");
        }
        SpecNode sliceWindowNode = node.field("timeSliceWindow");
        String sliceWindow = sliceWindowNode.text(OpenSloDuration.EXPECTED);
        if (sliceWindow != null) {
            if (sliceWindowNode.value().isNumber()) {
                if (!sliceWindowNode.value().canConvertToLong() || sliceWindowNode.value().longValue() <= 0
                        || sliceWindowNode.value().longValue() > OpenSloDuration.MAX.getSeconds()) {
                    sliceWindowNode.problem("found " + SpecNode.quote(sliceWindow) + ", expected a positive whole "
                            + "number of seconds (at most " + OpenSloDuration.MAX.getSeconds() + ") or "
                            + OpenSloDuration.EXPECTED);
                }
            } else {
                duration(sliceWindowNode, sliceWindow);
            }
        }
        boolean slices = "Timeslices".equals(budgeting) || "RatioTimeslices".equals(budgeting);
        if (slices && sliceWindow == null && !isAlpha()) {
            sliceWindowNode.problem("missing, expected the slice length (e.g. 1m) with budgetingMethod " + budgeting);
        }
        if ("Timeslices".equals(budgeting) && sliceTarget == null) {
            sliceTargetNode.problem("missing, expected the slice target in (0, 1] with budgetingMethod Timeslices");
        }
        if ("Occurrences".equals(budgeting) && (sliceWindow != null || sliceTarget != null)) {
            node.problem("found timeSliceWindow or timeSliceTarget, expected them only with budgetingMethod "
                    + "Timeslices or RatioTimeslices");
        }
        SliDocument indicator = null;
        SpecNode indicatorNode = node.field("indicator");
        if (indicatorNode.isObject("an inline SLI: {metadata, spec}")) {
            indicator = inlineSli(indicatorNode);
        }
        String indicatorRef = Names.ref(node.field("indicatorRef"), "the name of an SLI");
        SpecNode weightNode = node.field("compositeWeight");
        Double weight = weightNode.number("a positive number");
        if (weight != null && !(weight > 0)) {
            weightNode.problem("found " + weight + ", expected a positive number");
        }
        SliDocument.RatioMetric ratioMetrics = null;
        SpecNode ratioNode = node.field("ratioMetrics");
        if (ratioNode.isObject("a ratio metric: {good or bad, total}")) {
            ratioMetrics = ratioMetric(ratioNode);
        }
        return new SloDocument.Objective(displayName, op, value, target, targetPercent, sliceTarget, sliceWindow,
                indicator, indicatorRef, weight, ratioMetrics);
    }

    private @Nullable String operator(SpecNode node) {
        String op = node.text(OPS);
        if (op != null && !OP_NAMES.contains(op)) {
            node.problem("found " + SpecNode.quote(op) + ", expected " + OPS);
        }
        return op;
    }

    private SloDocument.TimeWindowSpec timeWindow(SpecNode node) {
        if (!node.requireObject("a time window")) {
            return new SloDocument.TimeWindowSpec(null, null, null, null, null);
        }
        String duration = null;
        Integer count = null;
        String unit = null;
        if (isAlpha()) {
            node.allowOnly(List.of("count", "unit", "isRolling", "calendar"));
            SpecNode countNode = node.field("count");
            if (!countNode.isPresent()) {
                countNode.problem("missing, expected a positive whole number");
            }
            count = countNode.integer("a positive whole number");
            if (count != null && count <= 0) {
                countNode.problem("found " + count + ", expected a positive whole number");
            }
            unit = node.field("unit").requiredText("Second, Minute, Hour, Day, Week, Month, Quarter or Year");
            if (unit != null && OpenSloUnits.letter(unit) == null) {
                node.field("unit").problem("found " + SpecNode.quote(unit)
                        + ", expected Second, Minute, Hour, Day, Week, Month, Quarter or Year");
            } else if (unit != null && count != null && count > 0) {
                try {
                    new OpenSloDuration(count, Objects.requireNonNull(OpenSloUnits.letter(unit)));
                } catch (IllegalArgumentException e) {
                    countNode.problem("found " + count + " " + unit + "s, expected at most "
                            + OpenSloDuration.MAX_TEXT);
                }
            }
        } else {
            node.allowOnly(List.of("duration", "isRolling", "calendar"));
            SpecNode durationNode = node.field("duration");
            duration = durationNode.requiredText(OpenSloDuration.EXPECTED);
            if (duration != null) {
                duration(durationNode, duration);
            }
        }
        Boolean rolling = node.field("isRolling").bool("true or false");
        SloDocument.CalendarSpec calendar = null;
        SpecNode calendarNode = node.field("calendar");
        if (calendarNode.isObject("a calendar: {startTime, timeZone}")) {
            calendarNode.allowOnly(List.of("startTime", "timeZone"));
            SpecNode startNode = calendarNode.field("startTime");
            String start = startNode.requiredText("a start time like 2022-01-01 12:00:00");
            if (start != null && OpenSloTimes.parseStart(start) == null) {
                startNode.problem("found " + SpecNode.quote(start) + ", expected a start time like 2022-01-01 12:00:00");
            }
            SpecNode zoneNode = calendarNode.field("timeZone");
            String zone = zoneNode.requiredText("a time zone like America/New_York or UTC");
            if (zone != null) {
                try {
                    ZoneId.of(zone);
                } catch (DateTimeException e) {
                    zoneNode.problem("found " + SpecNode.quote(zone) + ", expected a time zone like America/New_York or UTC");
                }
            }
            calendar = new SloDocument.CalendarSpec(start, zone);
        }
        if (Boolean.FALSE.equals(rolling) && calendar == null) {
            calendarNode.problem("missing, expected a calendar {startTime, timeZone} when isRolling is false");
        }
        if (Boolean.TRUE.equals(rolling) && calendar != null) {
            calendarNode.problem("found a calendar on a rolling window, expected isRolling: false with a calendar");
        }
        return new SloDocument.TimeWindowSpec(duration, count, unit, rolling, calendar);
    }

    private static void duration(SpecNode node, String text) {
        try {
            OpenSloDuration.parse(text);
        } catch (IllegalArgumentException e) {
            node.problem(String.valueOf(e.getMessage()));
        }
    }

    private @Nullable SliDocument inlineSli(SpecNode node) {
        node.allowOnly(List.of("metadata", "spec"));
        Metadata metadata = metadata(node.field("metadata"));
        SpecNode spec = node.field("spec");
        if (!spec.requireObject("the SLI spec") || metadata == null) {
            return null;
        }
        return new SliDocument(null, metadata, sliSpec(spec));
    }

    private SliDocument alphaIndicator(SpecNode node) {
        node.allowOnly(List.of("thresholdMetric"));
        SpecNode threshold = node.field("thresholdMetric");
        MetricSpec metric = threshold.requireObject("a metric: {source, queryType, query}") ? metric(threshold) : null;
        return new SliDocument(null, null, new SliDocument.Spec(null, metric, null));
    }

    private SliDocument.Spec sliSpec(SpecNode spec) {
        spec.allowOnly(List.of("description", "thresholdMetric", "ratioMetric"));
        String description = spec.field("description").text("text");
        MetricSpec threshold = null;
        SpecNode thresholdNode = spec.field("thresholdMetric");
        if (thresholdNode.isObject(METRIC_V1)) {
            threshold = metric(thresholdNode);
        }
        SliDocument.RatioMetric ratio = null;
        SpecNode ratioNode = spec.field("ratioMetric");
        if (ratioNode.isObject("a ratio metric: {good or bad, total}")) {
            ratio = ratioMetric(ratioNode);
        }
        if (thresholdNode.isPresent() == ratioNode.isPresent()) {
            spec.problem((thresholdNode.isPresent() ? "found both thresholdMetric and ratioMetric"
                    : "found neither thresholdMetric nor ratioMetric") + ", expected exactly one of them");
        }
        return new SliDocument.Spec(description, threshold, ratio);
    }

    private SliDocument.RatioMetric ratioMetric(SpecNode node) {
        node.allowOnly(isAlpha() ? List.of("counter", "incremental", "good", "bad", "total")
                : List.of("counter", "good", "bad", "total", "rawType", "raw"));
        Boolean counter = node.field("counter").bool("true or false");
        Boolean incremental = node.field("incremental").bool("true or false");
        MetricSpec good = optionalMetric(node.field("good"));
        MetricSpec bad = optionalMetric(node.field("bad"));
        MetricSpec total = optionalMetric(node.field("total"));
        MetricSpec raw = optionalMetric(node.field("raw"));
        SpecNode rawTypeNode = node.field("rawType");
        String rawType = rawTypeNode.text("success or failure");
        if (rawType != null && !rawType.equals("success") && !rawType.equals("failure")) {
            rawTypeNode.problem("found " + SpecNode.quote(rawType) + ", expected success or failure");
        }
        boolean hasRaw = node.field("raw").isPresent();
        boolean hasGood = node.field("good").isPresent();
        boolean hasBad = node.field("bad").isPresent();
        if (hasRaw) {
            if (hasGood || hasBad || node.field("total").isPresent()) {
                node.problem("found raw with good, bad or total, expected either raw (with rawType) or good or bad "
                        + "with total");
            }
            if (rawType == null) {
                rawTypeNode.problem("missing, expected success or failure with a raw metric");
            }
        } else {
            if (hasGood == hasBad) {
                node.problem((hasGood ? "found both good and bad" : "found neither good nor bad")
                        + ", expected exactly one of them with total");
            }
            if (!node.field("total").isPresent()) {
                node.field("total").problem("missing, expected the metric of all events");
            }
        }
        return new SliDocument.RatioMetric(counter, incremental, good, bad, total, rawType, raw);
    }

    private @Nullable MetricSpec optionalMetric(SpecNode node) {
        return node.isObject(isAlpha() ? "a metric: {source, queryType, query}" : METRIC_V1) ? metric(node) : null;
    }

    private MetricSpec metric(SpecNode node) {
        if (isAlpha()) {
            node.allowOnly(List.of("source", "queryType", "query"));
            return new MetricSpec(null, node.field("source").text("text"), node.field("queryType").text("text"),
                    node.field("query").requiredText("a query"));
        }
        node.allowOnly(List.of("metricSource"));
        SpecNode source = node.field("metricSource");
        if (!source.requireObject("a metric source: {type, spec}")) {
            return new MetricSpec(null, null, null, null);
        }
        source.allowOnly(List.of("metricSourceRef", "type", "spec"));
        String ref = Names.ref(source.field("metricSourceRef"), "the name of a DataSource");
        String type = source.field("type").text("text, e.g. Prometheus");
        SpecNode specNode = source.field("spec");
        if (!specNode.isPresent()) {
            specNode.problem("missing, expected the source's fields, e.g. {query: ...}");
        }
        JsonNode spec = specNode.isPresent() ? specNode.value() : null;
        if (spec != null && spec.isObject()) {
            for (String field : List.of("query", "promql", "expr")) {
                SpecNode query = specNode.field(field);
                if (query.isPresent() || (spec.has(field) && spec.get(field).isNull())) {
                    String text = query.text("a query");
                    if (text == null || text.isBlank()) {
                        query.problem(text == null && !query.isPresent() ? "found nothing, expected a query"
                                : "found an empty query, expected a query");
                    }
                }
            }
        } else if (spec != null && spec.isValueNode() && spec.asText().isBlank()) {
            specNode.problem("found an empty query, expected the source's fields, e.g. {query: ...}");
        }
        return new MetricSpec(new MetricSpec.MetricSource(ref, type, spec), null, null, null);
    }

    private @Nullable AlertPolicyDocument inlineAlertPolicy(SpecNode node) {
        node.allowOnly(List.of("kind", "metadata", "spec"));
        String kind = node.field("kind").requiredText(AlertPolicyDocument.KIND);
        if (kind != null && !kind.equals(AlertPolicyDocument.KIND)) {
            node.field("kind").problem("found " + SpecNode.quote(kind) + ", expected AlertPolicy");
        }
        Metadata metadata = metadata(node.field("metadata"));
        SpecNode spec = node.field("spec");
        if (!spec.requireObject("the AlertPolicy spec") || metadata == null) {
            return null;
        }
        return new AlertPolicyDocument(null, metadata, alertPolicySpec(spec));
    }

    private AlertPolicyDocument.Spec alertPolicySpec(SpecNode spec) {
        spec.allowOnly(List.of("description", "alertWhenNoData", "alertWhenResolved", "alertWhenBreaching",
                "conditions", "notificationTargets"));
        String description = spec.field("description").text("text");
        Boolean noData = spec.field("alertWhenNoData").bool("true or false");
        Boolean resolved = spec.field("alertWhenResolved").bool("true or false");
        Boolean breaching = spec.field("alertWhenBreaching").bool("true or false");
        SpecNode conditionsNode = spec.field("conditions");
        List<SpecNode> conditionNodes = conditionsNode.elements("a list of conditions");
        if (conditionNodes.isEmpty()) {
            conditionsNode.problem("found no condition, expected a list of at least one condition");
        }
        List<AlertPolicyDocument.ConditionEntry> conditions = new ArrayList<>();
        for (SpecNode node : conditionNodes) {
            if (!node.requireObject("{conditionRef: name} or an inline AlertCondition")) {
                continue;
            }
            if (node.value().has("conditionRef")) {
                node.allowOnly(List.of("conditionRef"));
                conditions.add(new AlertPolicyDocument.ConditionEntry(
                        Names.requiredRef(node.field("conditionRef"), "the name of an AlertCondition"), null));
                continue;
            }
            node.allowOnly(List.of("kind", "metadata", "spec"));
            String kind = node.field("kind").requiredText(AlertConditionDocument.KIND);
            if (kind != null && !kind.equals(AlertConditionDocument.KIND)) {
                node.field("kind").problem("found " + SpecNode.quote(kind) + ", expected AlertCondition");
            }
            Metadata metadata = metadata(node.field("metadata"));
            SpecNode conditionSpec = node.field("spec");
            if (conditionSpec.requireObject("the AlertCondition spec") && metadata != null) {
                conditions.add(new AlertPolicyDocument.ConditionEntry(null,
                        new AlertConditionDocument(null, metadata, alertConditionSpec(conditionSpec))));
            }
        }
        List<JsonNode> targets = new ArrayList<>();
        spec.field("notificationTargets").elements("a list of notification targets")
                .forEach(target -> targets.add(target.value()));
        return new AlertPolicyDocument.Spec(description, noData, resolved, breaching, conditions, targets);
    }

    private AlertConditionDocument.Spec alertConditionSpec(SpecNode spec) {
        spec.allowOnly(List.of("description", "severity", "condition"));
        String description = spec.field("description").text("text");
        String severity = spec.field("severity").requiredText("a severity, e.g. page or ticket");
        SpecNode node = spec.field("condition");
        if (!node.requireObject("a burn-rate condition: {kind: burnrate, op, threshold, lookbackWindow}")) {
            return new AlertConditionDocument.Spec(description, severity, null);
        }
        node.allowOnly(List.of("kind", "op", "threshold", "lookbackWindow", "alertAfter"));
        String kind = node.field("kind").requiredText("burnrate");
        if (kind != null && !kind.equals("burnrate")) {
            node.field("kind").problem("found " + SpecNode.quote(kind) + ", expected burnrate");
        }
        SpecNode opNode = node.field("op");
        String op = opNode.isPresent() ? operator(opNode) : opNode.requiredText(OPS);
        SpecNode thresholdNode = node.field("threshold");
        Double threshold = thresholdNode.number("a positive burn-rate factor, e.g. 14.4");
        if (!thresholdNode.isPresent()) {
            thresholdNode.problem("missing, expected a positive burn-rate factor, e.g. 14.4");
        } else if (threshold != null && !(threshold > 0 && Double.isFinite(threshold))) {
            thresholdNode.problem("found " + threshold + ", expected a positive burn-rate factor, e.g. 14.4");
        }
        SpecNode lookbackNode = node.field("lookbackWindow");
        String lookback = lookbackNode.requiredText(OpenSloDuration.EXPECTED);
        if (lookback != null) {
            duration(lookbackNode, lookback);
        }
        SpecNode afterNode = node.field("alertAfter");
        String after = afterNode.text(OpenSloDuration.EXPECTED);
        if (after != null) {
            duration(afterNode, after);
        }
        return new AlertConditionDocument.Spec(description, severity,
                new AlertConditionDocument.Condition(kind, op, threshold, lookback, after));
    }
}
