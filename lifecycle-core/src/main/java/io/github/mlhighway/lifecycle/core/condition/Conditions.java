package io.github.mlhighway.lifecycle.core.condition;

import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import io.github.mlhighway.lifecycle.core.serving.DriftEvent;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.BurnRate;
import io.github.mlhighway.lifecycle.slo.ErrorBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The built-in conditions over drift, error budgets and burn rates, and their {@code allOf}/{@code anyOf}/{@code not}
 * combinations. Every result carries the observed values and the thresholds as evidence. A condition that cannot
 * be decided (no drift window yet, an untestable window, an SLO window without data) is
 * {@link ConditionStatus#INCONCLUSIVE}; combinations follow three-valued logic ({@code allOf} is clear when any
 * part is clear, else inconclusive when any part is, else holds; {@code anyOf} dually).
 *
 * <pre>{@code
 * Condition unhealthy = Conditions.allOf(Conditions.drifting("serving-inputs", latestWindow::get),
 *                                        Conditions.budgetRemainingBelow(accuracyTracker, 0.5));
 * }</pre>
 *
 * @since 0.1
 */
public final class Conditions {

    private Conditions() {
    }

    /**
     * Holds when the latest closed drift window drifted, is clear when it was tested without drift, and is
     * inconclusive before the first window or when the window could not be tested. The result's
     * {@link ConditionResult#observation() observation} is the window ({@code name@windowEnd}), so a weekly window
     * evaluated daily counts once in a streak.
     *
     * @param name   what is compared, e.g. {@code serving-inputs}
     * @param latest the latest window (e.g. remembered by the guarded model's drift listener), or null before one
     * @return the condition
     */
    public static Condition drifting(String name, Supplier<DriftEvent> latest) {
        return window("drift(" + requireName(name) + ")", name, latest, false);
    }

    /**
     * The complement of {@link #drifting}: holds when the latest drift window was tested and did not drift; clear
     * when it drifted; inconclusive before the first window or for an untestable one.
     *
     * @param name   what is compared
     * @param latest the latest window, or null before one
     * @return the condition
     */
    public static Condition notDrifting(String name, Supplier<DriftEvent> latest) {
        return window("noDrift(" + requireName(name) + ")", name, latest, true);
    }

    /**
     * Holds when the latest drift report drifted (a report has no window, so every evaluation counts in a
     * streak); inconclusive when there is no report yet or it could not be tested.
     *
     * @param name   what is compared
     * @param latest the latest report, or null when there is none yet
     * @return the condition
     */
    public static Condition driftReport(String name, Supplier<DriftReport> latest) {
        Objects.requireNonNull(latest, "latest");
        String label = "drift(" + requireName(name) + ")";
        return now -> {
            DriftReport report = latest.get();
            if (report == null) {
                return ConditionResult.inconclusive(label, "No drift report for " + name + " yet.", Map.of());
            }
            return ConditionResult.of(label, status(report.status(), false), name + ": " + report.message(),
                    driftNumbers(report, Set.copyOf(report.driftedColumnNames())));
        };
    }

    /**
     * Holds when any of the given columns drifted in the latest report, whatever the data-set decision;
     * inconclusive when there is no report yet.
     *
     * @param name    what is compared
     * @param latest  the latest report, or null when there is none yet
     * @param columns the columns that matter (e.g. the model's most important features)
     * @return the condition
     */
    public static Condition columnsDrift(String name, Supplier<DriftReport> latest, String... columns) {
        Objects.requireNonNull(latest, "latest");
        if (columns.length == 0) {
            throw new IllegalArgumentException("columnsDrift needs at least one column");
        }
        Set<String> watched = Set.of(columns);
        String label = "drift(" + requireName(name) + ":" + String.join(",", columns) + ")";
        return now -> {
            DriftReport report = latest.get();
            if (report == null) {
                return ConditionResult.inconclusive(label, "No drift report for " + name + " yet.", Map.of());
            }
            List<String> drifted = report.driftedColumnNames().stream().filter(watched::contains).toList();
            String reason = drifted.isEmpty()
                    ? name + ": none of " + String.join(", ", columns) + " drifted."
                    : name + ": watched columns drifted: " + String.join(", ", drifted) + ".";
            return ConditionResult.of(label, !drifted.isEmpty(), reason, driftNumbers(report, Set.copyOf(drifted)));
        };
    }

    /**
     * Holds when less than {@code remainingFraction} of an SLO's error budget remains; inconclusive while the
     * SLO window has no data.
     *
     * @param tracker           the SLO's tracker
     * @param remainingFraction threshold in (0, 1], e.g. 0.5 for half the budget
     * @return the condition
     */
    public static Condition budgetRemainingBelow(SloTracker tracker, double remainingFraction) {
        return budget(tracker, remainingFraction, true);
    }

    /**
     * Holds when at least {@code remainingFraction} of an SLO's error budget remains (the budget is back);
     * inconclusive while the SLO window has no data.
     *
     * @param tracker           the SLO's tracker
     * @param remainingFraction threshold in (0, 1]
     * @return the condition
     */
    public static Condition budgetRemainingAtLeast(SloTracker tracker, double remainingFraction) {
        return budget(tracker, remainingFraction, false);
    }

    /**
     * Holds when an SLO burns its budget at least {@code factor} times too fast over {@code window}; inconclusive
     * when the window has no eligible events.
     *
     * @param tracker the SLO's tracker
     * @param window  the window, at most the longest window the tracker keeps
     * @param factor  the burn rate, positive
     * @return the condition
     */
    public static Condition burnRateAtLeast(SloTracker tracker, Duration window, double factor) {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(window, "window");
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("Burn-rate factor must be positive and finite, was " + factor);
        }
        tracker.burnRate(window); // fails now, not at the first evaluation, when the window is not tracked
        String slo = tracker.slo().name();
        String label = "burn(" + slo + "," + window + ")";
        return now -> {
            BurnRate burn = tracker.burnRate(window);
            Map<String, Double> numbers = Map.of("burn_rate", burn.burnRate(), "factor", factor,
                    "eligible", (double) burn.eligible());
            if (burn.isEmpty()) {
                return ConditionResult.inconclusive(label, "SLO " + slo + " has no eligible events over " + window
                        + ".", numbers);
            }
            boolean holds = burn.burnRate() >= factor;
            String reason = String.format(Locale.ROOT, "SLO %s burns at %.2fx over %s (%s %.2fx).", slo,
                    burn.burnRate(), window, holds ? "at least" : "below", factor);
            return ConditionResult.of(label, holds, reason, numbers);
        };
    }

    /**
     * Holds when every part holds; clear when any part is clear; otherwise inconclusive. Every part is evaluated
     * (so each result records all of them).
     *
     * @param parts at least one condition
     * @return the condition
     */
    public static CompositeCondition allOf(Condition... parts) {
        return new AnyAll("allOf", true, List.of(requireParts("allOf", parts)));
    }

    /**
     * Holds when any part holds; clear when every part is clear; otherwise inconclusive. Every part is evaluated.
     *
     * @param parts at least one condition
     * @return the condition
     */
    public static CompositeCondition anyOf(Condition... parts) {
        return new AnyAll("anyOf", false, List.of(requireParts("anyOf", parts)));
    }

    /**
     * Holds when the part is clear and is clear when it holds; inconclusive stays inconclusive.
     *
     * @param part the condition
     * @return the condition
     */
    public static Condition not(Condition part) {
        Objects.requireNonNull(part, "part");
        return now -> {
            ConditionResult result = part.check(now);
            ConditionStatus status = switch (result.status()) {
                case HOLDS -> ConditionStatus.CLEAR;
                case CLEAR -> ConditionStatus.HOLDS;
                case INCONCLUSIVE -> ConditionStatus.INCONCLUSIVE;
            };
            return new ConditionResult("not(" + result.name() + ")", status, "Not: " + result.reason(),
                    Map.of(), List.of(result), result.observation());
        };
    }

    /**
     * Combines part results the way {@link #allOf} ({@code all}) or {@link #anyOf} does; for other composites.
     *
     * @param name    the composite's name
     * @param all     true for allOf, false for anyOf
     * @param results the part results, in order
     * @return the combined result, its observation the parts' observations joined with {@code +}
     */
    public static ConditionResult combine(String name, boolean all, List<ConditionResult> results) {
        long holding = results.stream().filter(ConditionResult::holds).count();
        long clear = results.stream().filter(r -> r.status() == ConditionStatus.CLEAR).count();
        ConditionStatus status;
        if (all) {
            status = clear > 0 ? ConditionStatus.CLEAR
                    : holding == results.size() ? ConditionStatus.HOLDS : ConditionStatus.INCONCLUSIVE;
        } else {
            status = holding > 0 ? ConditionStatus.HOLDS
                    : clear == results.size() ? ConditionStatus.CLEAR : ConditionStatus.INCONCLUSIVE;
        }
        long inconclusive = results.size() - holding - clear;
        String reason = holding + " of " + results.size() + " conditions hold (" + name + ")"
                + (inconclusive > 0 ? ", " + inconclusive + " inconclusive." : ".");
        List<String> observations = results.stream().map(ConditionResult::observation).filter(Objects::nonNull)
                .toList();
        return new ConditionResult(name, status, reason, Map.of("holding", (double) holding), results,
                observations.isEmpty() ? null : String.join("+", observations));
    }

    private static Condition window(String label, String name, Supplier<DriftEvent> latest, boolean calm) {
        Objects.requireNonNull(latest, "latest");
        return now -> {
            DriftEvent event = latest.get();
            if (event == null) {
                return ConditionResult.inconclusive(label, "No drift window of " + name + " tested yet.",
                        Map.of());
            }
            DriftReport report = event.report();
            Map<String, Double> numbers = driftNumbers(report, Set.copyOf(report.driftedColumnNames()));
            numbers.put("window_rows", (double) event.rows());
            String reason = name + " (window to " + event.windowEnd() + "): " + report.message();
            return ConditionResult.of(label, status(report.status(), calm), reason, numbers)
                    .withObservation(name + "@" + event.windowEnd());
        };
    }

    private static ConditionStatus status(DriftStatus drift, boolean calm) {
        return switch (drift) {
            case DRIFTED -> calm ? ConditionStatus.CLEAR : ConditionStatus.HOLDS;
            case NO_DRIFT -> calm ? ConditionStatus.HOLDS : ConditionStatus.CLEAR;
            case INCONCLUSIVE -> ConditionStatus.INCONCLUSIVE;
        };
    }

    private static Condition budget(SloTracker tracker, double remainingFraction, boolean below) {
        Objects.requireNonNull(tracker, "tracker");
        if (!(remainingFraction > 0 && remainingFraction <= 1)) {
            throw new IllegalArgumentException("Remaining budget threshold must be in (0, 1], was "
                    + remainingFraction);
        }
        String slo = tracker.slo().name();
        String label = (below ? "budget(" : "budgetAtLeast(") + slo + ")";
        return now -> {
            ErrorBudget budget = tracker.budget();
            Map<String, Double> numbers = Map.of("budget_remaining", budget.remainingFraction(),
                    "threshold", remainingFraction, "burn_rate", budget.burnRate());
            if (budget.eligible() == 0) {
                return ConditionResult.inconclusive(label, "SLO " + slo + " has no data in its window yet.",
                        numbers);
            }
            boolean holds = below ? budget.remainingFraction() < remainingFraction
                    : budget.remainingFraction() >= remainingFraction;
            String verdict = below ? (holds ? "below" : "not below") : (holds ? "at least" : "below");
            String reason = String.format(Locale.ROOT, "SLO %s has %.1f%% of its error budget left (%s %.1f%%).",
                    slo, budget.remainingFraction() * 100, verdict, remainingFraction * 100);
            return ConditionResult.of(label, holds, reason, numbers);
        };
    }

    private static Map<String, Double> driftNumbers(DriftReport report, Set<String> columns) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("drifted_share", report.driftedShare());
        numbers.put("drift_share_threshold", report.driftShare());
        numbers.put("drifted_columns", (double) report.driftedColumns());
        for (ColumnDrift column : report.columns()) {
            if (columns.contains(column.column()) && column.effect() != null) {
                numbers.put(column.column() + ".effect", column.effect());
                if (column.statistic() != null) {
                    numbers.put(column.column() + ".statistic", column.statistic());
                }
                if (column.threshold() != null) {
                    numbers.put(column.column() + ".threshold", column.threshold());
                }
            }
        }
        return numbers;
    }

    private static Condition[] requireParts(String name, Condition... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException(name + " needs at least one condition");
        }
        for (Condition part : parts) {
            Objects.requireNonNull(part, name + " part");
        }
        return parts;
    }

    static String requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Condition name must not be blank");
        }
        return name;
    }

    /** An any/all combination of conditions. */
    private static final class AnyAll implements CompositeCondition {
        private final String name;
        private final boolean all;
        private final List<Condition> parts;

        AnyAll(String name, boolean all, List<Condition> parts) {
            this.name = name;
            this.all = all;
            this.parts = parts;
        }

        @Override
        public boolean isAnyOf() {
            return !all;
        }

        @Override
        public List<Condition> parts() {
            return parts;
        }

        @Override
        public ConditionResult check(Instant now) {
            List<ConditionResult> results = new ArrayList<>();
            for (Condition part : parts) {
                results.add(part.check(now));
            }
            return combine(name, all, results);
        }

        @Override
        public void acted(Instant at) {
            parts.forEach(part -> part.acted(at));
        }
    }
}
