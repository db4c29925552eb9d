package io.github.mlhighway.lifecycle.core.retrain;

import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
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
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Factory of the built-in retraining conditions and their any/all combinations. */
public final class RetrainConditions {

    private RetrainConditions() {
    }

    /**
     * Holds when the latest drift report says the data set drifted.
     *
     * @param name   what is compared, e.g. {@code serving-inputs}
     * @param latest the latest report, or null when there is none yet (the condition then does not hold)
     * @return the condition
     */
    public static RetrainCondition drift(String name, Supplier<DriftReport> latest) {
        Objects.requireNonNull(latest, "latest");
        String label = "drift(" + requireName(name) + ")";
        return now -> {
            DriftReport report = latest.get();
            if (report == null) {
                return ConditionResult.of(label, false, "No drift report for " + name + " yet.", Map.of());
            }
            return ConditionResult.of(label, report.drifted(), name + ": " + report.message(), driftNumbers(report,
                    Set.copyOf(report.driftedColumnNames())));
        };
    }

    /**
     * Holds when any of the given columns drifted in the latest report, whatever the data-set decision.
     *
     * @param name    what is compared
     * @param latest  the latest report, or null when there is none yet
     * @param columns the columns that matter (e.g. the model's most important features)
     * @return the condition
     */
    public static RetrainCondition columnsDrift(String name, Supplier<DriftReport> latest, String... columns) {
        Objects.requireNonNull(latest, "latest");
        if (columns.length == 0) {
            throw new IllegalArgumentException("columnsDrift needs at least one column");
        }
        Set<String> watched = Set.of(columns);
        String label = "drift(" + requireName(name) + ":" + String.join(",", columns) + ")";
        return now -> {
            DriftReport report = latest.get();
            if (report == null) {
                return ConditionResult.of(label, false, "No drift report for " + name + " yet.", Map.of());
            }
            List<String> drifted = report.driftedColumnNames().stream().filter(watched::contains).toList();
            String reason = drifted.isEmpty()
                    ? name + ": none of " + String.join(", ", columns) + " drifted."
                    : name + ": watched columns drifted: " + String.join(", ", drifted) + ".";
            return ConditionResult.of(label, !drifted.isEmpty(), reason, driftNumbers(report, Set.copyOf(drifted)));
        };
    }

    /**
     * Holds when a (quality) SLO burns its budget at least {@code factor} times too fast over {@code window}.
     *
     * @param tracker the SLO's tracker
     * @param window  the window, at most the longest window the tracker keeps
     * @param factor  the burn rate, positive
     * @return the condition
     */
    public static RetrainCondition burnRate(SloTracker tracker, Duration window, double factor) {
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
            boolean holds = !burn.isEmpty() && burn.burnRate() >= factor;
            String reason = String.format(Locale.ROOT, "SLO %s burns at %.2fx over %s (%s %.2fx).", slo,
                    burn.burnRate(), window, holds ? "at least" : "below", factor);
            return ConditionResult.of(label, holds, reason, Map.of("burn_rate", burn.burnRate(), "factor", factor,
                    "eligible", (double) burn.eligible()));
        };
    }

    /**
     * Holds when less than {@code remainingFraction} of an SLO's error budget remains.
     *
     * @param tracker           the SLO's tracker
     * @param remainingFraction threshold in (0, 1], e.g. 0.5 for half the budget
     * @return the condition
     */
    public static RetrainCondition budgetBelow(SloTracker tracker, double remainingFraction) {
        Objects.requireNonNull(tracker, "tracker");
        if (!(remainingFraction > 0 && remainingFraction <= 1)) {
            throw new IllegalArgumentException("Remaining budget threshold must be in (0, 1], was "
                    + remainingFraction);
        }
        String slo = tracker.slo().name();
        return now -> {
            ErrorBudget budget = tracker.budget();
            boolean holds = budget.remainingFraction() < remainingFraction;
            String reason = String.format(Locale.ROOT, "SLO %s has %.1f%% of its error budget left (%s %.1f%%).",
                    slo, budget.remainingFraction() * 100, holds ? "below" : "not below", remainingFraction * 100);
            return ConditionResult.of("budget(" + slo + ")", holds, reason, Map.of("budget_remaining",
                    budget.remainingFraction(), "threshold", remainingFraction, "burn_rate", budget.burnRate()));
        };
    }

    /**
     * Holds once {@code period} has passed since the last retrain (or since the first evaluation when there was
     * none), on the trigger's clock.
     *
     * @param period positive
     * @return the condition
     */
    public static RetrainCondition every(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("Schedule period must be positive, was " + period);
        }
        return new RetrainCondition() {
            private Instant since;

            @Override
            public synchronized ConditionResult check(Instant now) {
                if (since == null) {
                    since = now;
                }
                Instant due = since.plus(period);
                boolean holds = !now.isBefore(due);
                String reason = holds ? "Scheduled retrain every " + period + " is due since " + due + "."
                        : "Next scheduled retrain at " + due + ".";
                return ConditionResult.of("every(" + period + ")", holds, reason, Map.of("hours_since_last",
                        Duration.between(since, now).toSeconds() / 3600.0));
            }

            @Override
            public synchronized void retrained(Instant at) {
                since = at;
            }
        };
    }

    /**
     * Holds when at least {@code count} new labelled examples arrived since the last retrain. The baseline is the
     * counter's value when the condition is created, then at every retrain.
     *
     * @param labelled a monotonic count of labelled examples (e.g. the labels joined by a guarded model)
     * @param count    positive
     * @return the condition
     */
    public static RetrainCondition newLabels(LongSupplier labelled, long count) {
        Objects.requireNonNull(labelled, "labelled");
        if (count <= 0) {
            throw new IllegalArgumentException("Label count threshold must be positive, was " + count);
        }
        long initial = labelled.getAsLong();
        return new RetrainCondition() {
            private long baseline = initial;

            @Override
            public synchronized ConditionResult check(Instant now) {
                long fresh = labelled.getAsLong() - baseline;
                boolean holds = fresh >= count;
                return ConditionResult.of("labels(" + count + ")", holds, fresh + " new labelled examples since the"
                        + " last retrain (" + (holds ? "at least " : "fewer than ") + count + ").",
                        Map.of("new_labels", (double) fresh, "threshold", (double) count));
            }

            @Override
            public synchronized void retrained(Instant at) {
                baseline = labelled.getAsLong();
            }
        };
    }

    /**
     * Holds when any part holds. Every part is evaluated (so each decision records all of them). Used as a
     * trigger's condition, each part has its own hysteresis (see {@link RetrainTrigger}): a drift that keeps
     * holding after a retrain does not hold back a schedule that becomes due.
     *
     * @param parts at least one condition
     * @return the condition
     */
    public static RetrainCondition anyOf(RetrainCondition... parts) {
        return composite("anyOf", false, parts);
    }

    /**
     * Holds when every part holds. Every part is evaluated.
     *
     * @param parts at least one condition
     * @return the condition
     */
    public static RetrainCondition allOf(RetrainCondition... parts) {
        return composite("allOf", true, parts);
    }

    private static RetrainCondition composite(String name, boolean all, RetrainCondition... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException(name + " needs at least one condition");
        }
        return new Composite(name, all, List.of(parts));
    }

    /**
     * An any/all combination. {@link RetrainTrigger} recognises an {@code anyOf} at the top and keeps the
     * hysteresis (streak and arming) of each part separately.
     */
    static final class Composite implements RetrainCondition {
        private final String name;
        private final boolean all;
        private final List<RetrainCondition> parts;

        Composite(String name, boolean all, List<RetrainCondition> parts) {
            this.name = name;
            this.all = all;
            this.parts = parts;
        }

        /** @return true for {@code anyOf}, whose parts each ask for retraining on their own */
        boolean isAnyOf() {
            return !all;
        }

        /** @return how many parts, which is also how many part results {@link #check} returns, in order */
        int size() {
            return parts.size();
        }

        @Override
        public ConditionResult check(Instant now) {
            List<ConditionResult> results = new ArrayList<>();
            for (RetrainCondition part : parts) {
                results.add(part.check(now));
            }
            long holding = results.stream().filter(ConditionResult::holds).count();
            boolean holds = all ? holding == results.size() : holding > 0;
            String reason = holding + " of " + results.size() + " conditions hold (" + name + ").";
            return new ConditionResult(name, holds, reason, Map.of("holding", (double) holding), results);
        }

        @Override
        public void retrained(Instant at) {
            parts.forEach(part -> part.retrained(at));
        }
    }

    private static Map<String, Double> driftNumbers(DriftReport report, Set<String> columns) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("drifted_share", report.driftedShare());
        numbers.put("drifted_columns", (double) report.driftedColumns());
        for (ColumnDrift column : report.columns()) {
            if (columns.contains(column.column()) && column.effect() != null) {
                numbers.put(column.column() + ".effect", column.effect());
                if (column.statistic() != null) {
                    numbers.put(column.column() + ".statistic", column.statistic());
                }
            }
        }
        return numbers;
    }

    private static String requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Condition name must not be blank");
        }
        return name;
    }
}
