package io.github.mlhighway.lifecycle.core.retrain;

import io.github.mlhighway.lifecycle.core.condition.CompositeCondition;
import io.github.mlhighway.lifecycle.core.condition.ConditionResult;
import io.github.mlhighway.lifecycle.core.condition.Conditions;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Factory of the retraining conditions and their any/all combinations. Drift, budget and burn-rate conditions are
 * the shared ones of {@link Conditions} (same names, reasons and evidence) typed as {@link RetrainCondition}; the
 * schedule and label-volume conditions count from the last retrain.
 *
 * @since 0.1
 */
public final class RetrainConditions {

    private RetrainConditions() {
    }

    /**
     * Holds when the latest drift report says the data set drifted; inconclusive (which a trigger treats as not
     * holding) when there is no report yet or it could not be tested. See {@link Conditions#driftReport}.
     *
     * @param name   what is compared, e.g. {@code serving-inputs}
     * @param latest the latest report, or null when there is none yet
     * @return the condition
     */
    public static RetrainCondition drift(String name, Supplier<DriftReport> latest) {
        return RetrainCondition.of(Conditions.driftReport(name, latest));
    }

    /**
     * Holds when any of the given columns drifted in the latest report, whatever the data-set decision. See
     * {@link Conditions#columnsDrift}.
     *
     * @param name    what is compared
     * @param latest  the latest report, or null when there is none yet
     * @param columns the columns that matter (e.g. the model's most important features)
     * @return the condition
     */
    public static RetrainCondition columnsDrift(String name, Supplier<DriftReport> latest, String... columns) {
        return RetrainCondition.of(Conditions.columnsDrift(name, latest, columns));
    }

    /**
     * Holds when a (quality) SLO burns its budget at least {@code factor} times too fast over {@code window}. See
     * {@link Conditions#burnRateAtLeast}.
     *
     * @param tracker the SLO's tracker
     * @param window  the window, at most the longest window the tracker keeps
     * @param factor  the burn rate, positive
     * @return the condition
     */
    public static RetrainCondition burnRate(SloTracker tracker, Duration window, double factor) {
        return RetrainCondition.of(Conditions.burnRateAtLeast(tracker, window, factor));
    }

    /**
     * Holds when less than {@code remainingFraction} of an SLO's error budget remains. See
     * {@link Conditions#budgetRemainingBelow}.
     *
     * @param tracker           the SLO's tracker
     * @param remainingFraction threshold in (0, 1], e.g. 0.5 for half the budget
     * @return the condition
     */
    public static RetrainCondition budgetBelow(SloTracker tracker, double remainingFraction) {
        return RetrainCondition.of(Conditions.budgetRemainingBelow(tracker, remainingFraction));
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
            private @Nullable Instant since;

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
     * An any/all combination of retrain conditions. {@link RetrainTrigger} recognises an {@code anyOf} at the top
     * (as it does any {@link CompositeCondition}) and keeps the hysteresis (streak and arming) of each part
     * separately.
     */
    static final class Composite implements RetrainCondition, CompositeCondition {
        private final String name;
        private final boolean all;
        private final List<RetrainCondition> parts;

        Composite(String name, boolean all, List<RetrainCondition> parts) {
            this.name = name;
            this.all = all;
            this.parts = parts;
        }

        @Override
        public boolean isAnyOf() {
            return !all;
        }

        @Override
        public List<RetrainCondition> parts() {
            return parts;
        }

        @Override
        public ConditionResult check(Instant now) {
            List<ConditionResult> results = new ArrayList<>();
            for (RetrainCondition part : parts) {
                results.add(part.check(now));
            }
            return Conditions.combine(name, all, results);
        }

        @Override
        public void retrained(Instant at) {
            parts.forEach(part -> part.retrained(at));
        }
    }
}
