package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.AlertPolicy;
import io.github.mlhighway.lifecycle.slo.BudgetingMethod;
import io.github.mlhighway.lifecycle.slo.BurnRateTier;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.Operator;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import io.github.mlhighway.lifecycle.slo.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns OpenSLO documents into engine {@link Slo}s: one per objective of each SLO document, named by
 * {@link ConversionOptions#naming()}. References ({@code indicatorRef}, {@code alertPolicyRef},
 * {@code conditionRef}, {@code metricSourceRef}) are resolved across all the files given together.
 *
 * <p>Mapping: {@code ratioMetric} good (or bad) over total becomes {@link Indicator.Ratio} counting good (or
 * bad) events; {@code thresholdMetric} with the objective's {@code op} and {@code value} becomes
 * {@link Indicator.Threshold}; {@code target} (or {@code targetPercent} / 100) is the objective; for
 * Timeslices, a slice is good when its ratio is at least {@code timeSliceTarget} ({@code op} is forbidden on the
 * objective of a ratio SLI, as the OpenSLO SDK forbids it); {@code timeSliceWindow} (a duration or seconds) is the
 * slice length, one minute with a warning for a v1alpha objective, whose schema has no {@code timeSliceWindow}. The display name is the
 * document's display name, followed by {@code " / "} and the objective's display name when it has one.
 * {@code metadata.labels} whose names are valid Prometheus label names and whose values are text become the
 * SLO's export labels. {@code compositeWeight} stays in the document only, with a warning. Alert policies: see {@link AlertPolicyMapper} and the package documentation.
 *
 * <p>Thread-safe and stateless.
 *
 * @since 0.1
 */
public final class OpenSloConverter {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final ConversionOptions options;

    /** A converter with {@link ConversionOptions#DEFAULTS}. */
    public OpenSloConverter() {
        this(ConversionOptions.DEFAULTS);
    }

    /**
     * A converter with the given options.
     *
     * @param options naming and default alerting
     */
    public OpenSloConverter(ConversionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Converts the SLO documents of the files.
     *
     * @param files files read together, so references may cross them
     * @return the SLOs and the warnings; no SLO when the files hold none (files of Services, SLIs, DataSources,
     *         AlertPolicies, AlertConditions or AlertNotificationTargets alone are valid)
     * @throws SloSpecException listing every problem, each with its file, line and YAML path
     */
    public OpenSloConversion convert(List<OpenSloFile> files) {
        List<SloSpecException.Problem> problems = new ArrayList<>();
        List<SloSpecException.Problem> warnings = new ArrayList<>();
        DocumentIndex index = new DocumentIndex(files, problems, warnings);
        IndicatorMapper indicators = new IndicatorMapper(index);
        AlertPolicyMapper alerts = new AlertPolicyMapper(index);
        List<Slo> slos = new ArrayList<>();
        for (Located<SloDocument> slo : index.slos()) {
            int objectives = slo.value().spec().objectives().size();
            for (int i = 0; i < objectives; i++) {
                Slo converted;
                try {
                    converted = convert(slo, i, indicators, alerts);
                } catch (IllegalArgumentException | IllegalStateException | ArithmeticException
                         | java.time.DateTimeException e) {
                    // Documents built in code skip the reader's checks: still a problem, never a stack trace.
                    slo.problem("spec.objectives[" + i + "]", String.valueOf(e.getMessage()));
                    converted = null;
                }
                if (converted != null) {
                    slos.add(converted);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SloSpecException(List.copyOf(new LinkedHashSet<>(problems)));
        }
        return new OpenSloConversion(slos, List.copyOf(new LinkedHashSet<>(warnings)));
    }

    /**
     * Converts the SLO documents of one file.
     *
     * @param file the file
     * @return the SLOs and the warnings
     * @throws SloSpecException listing every problem
     */
    public OpenSloConversion convert(OpenSloFile file) {
        return convert(List.of(file));
    }

    private @Nullable Slo convert(Located<SloDocument> slo, int i, IndicatorMapper indicators,
            AlertPolicyMapper alerts) {
        SloDocument document = slo.value();
        SloDocument.Spec spec = document.spec();
        SloDocument.Objective objective = spec.objectives().get(i);
        String path = "spec.objectives[" + i + "]";
        String name = options.naming().name(Objects.requireNonNull(document.name()), i, spec.objectives().size());
        TimeWindow window = WindowMapper.window(slo);
        Indicator indicator = indicators.map(slo, i, name);
        Double target = objective.target() != null ? objective.target()
                : objective.targetPercent() == null ? null : objective.targetPercent() / 100.0;
        if (objective.compositeWeight() != null) {
            slo.warning(path + ".compositeWeight", "found " + objective.compositeWeight() + ", kept in the document "
                    + "but not used: each objective becomes an SLO of its own, not weighted into a composite");
        }
        if (window == null || indicator == null || target == null || spec.budgetingMethod() == null) {
            return null;
        }
        boolean[] failed = {false};
        AlertPolicy alerting = alerts.map(slo, target, window.nominalLength(), failed);
        if (failed[0]) {
            return null;
        }
        try {
            Slo.Builder builder = Slo.ratio(name).indicator(indicator).objective(target).window(window)
                    .displayName(displayName(document, objective))
                    .description(spec.description() == null ? "" : spec.description())
                    .service(spec.service() == null ? "" : spec.service())
                    .alerting(options.guard(alerting != null ? alerting : feasible(options.defaultAlerts().policy(
                            window.nominalLength()), target)));
            if (!budgeting(slo, i, builder, BudgetingMethod.fromOpenSlo(spec.budgetingMethod()), indicator)) {
                return null;
            }
            for (Map.Entry<String, Object> label : Objects.requireNonNull(document.metadata()).labels().entrySet()) {
                if (LABEL_NAME.matcher(label.getKey()).matches() && label.getValue() instanceof String value) {
                    builder.label(label.getKey(), value);
                }
            }
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            slo.problem(path, String.valueOf(e.getMessage()));
            return null;
        }
    }

    private static boolean budgeting(Located<SloDocument> slo, int i, Slo.Builder builder, BudgetingMethod method,
                                     Indicator indicator) {
        SloDocument.Objective objective = slo.value().spec().objectives().get(i);
        if (method == BudgetingMethod.OCCURRENCES) {
            builder.occurrences();
            return true;
        }
        Duration slice = WindowMapper.slice(slo, i, objective.timeSliceWindow());
        if (slice == null) {
            return false;
        }
        if (method == BudgetingMethod.RATIO_TIMESLICES) {
            builder.ratioTimeslices(slice);
            return true;
        }
        // A ratio objective has no op (the SDK forbids it): a slice is good when its ratio is at least the target.
        builder.timeslices(slice, Objects.requireNonNull(objective.timeSliceTarget())).sliceTarget(Operator.GTE,
                objective.timeSliceTarget());
        return true;
    }

    private static String displayName(SloDocument document, SloDocument.Objective objective) {
        Metadata metadata = Objects.requireNonNull(document.metadata());
        String displayName = metadata.displayName();
        String base = displayName == null ? metadata.name() : displayName;
        String objectiveName = objective.displayName();
        return objectiveName == null ? base : base + " / " + objectiveName;
    }

    /** The policy with every tier that could not fire under the objective disabled. */
    private static AlertPolicy feasible(AlertPolicy policy, double objective) {
        AlertPolicy result = policy;
        for (BurnRateTier tier : policy.tiers()) {
            if (tier.factor() > 1.0 / (1.0 - objective)) {
                result = result.withTierEnabled(tier.id(), false);
            }
        }
        return result;
    }
}
