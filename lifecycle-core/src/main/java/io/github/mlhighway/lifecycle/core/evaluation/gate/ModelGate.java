package io.github.mlhighway.lifecycle.core.evaluation.gate;

import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.core.evaluation.MetricFunction;
import io.github.mlhighway.lifecycle.core.evaluation.internal.Resampler;
import io.github.mlhighway.lifecycle.core.evaluation.SliceKeys;
import io.github.mlhighway.lifecycle.core.evaluation.internal.StandardMetrics;
import io.github.mlhighway.lifecycle.evaluation.Direction;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The champion gate: holds a challenger to absolute thresholds and to change thresholds against the champion,
 * decided on the same evaluation rows.
 *
 * <ul>
 *   <li>Absolute thresholds ({@code atLeast}, {@code atMost}) compare the challenger's point value.</li>
 *   <li>Change thresholds compare the improvement {@code d} (signed by the metric's {@link Direction}) through a
 *       paired bootstrap: PASS when the lower bound of the two-sided interval at the rule's confidence exceeds the
 *       limit ({@code -margin} for non-inferiority, {@code +margin} for superiority), FAIL when the upper bound is
 *       below it, INCONCLUSIVE when the interval straddles it or the metric is undefined on any resample. Each
 *       end of a two-sided interval at confidence {@code c} is a one-sided bound at level {@code (1 + c) / 2}:
 *       at 0.95 a PASS rests on a one-sided 97.5% lower bound (percentile bootstrap, so approximately).</li>
 *   <li>Accuracy superiority with margin 0 is decided by McNemar's test instead (PASS when significant in the
 *       challenger's favour, FAIL when significant against it).</li>
 *   <li>Relative thresholds divide by the champion's value; a champion value of exactly 0 makes that finding FAIL
 *       with a message asking for an absolute margin.</li>
 *   <li>A metric that is undefined for the challenger or the champion is missing: FAIL (INCONCLUSIVE in a slice,
 *       where a lack of rows of one class is a lack of data); a NaN from a custom metric is FAIL.</li>
 *   <li>Fewer rows than {@link Builder#minRows(int)} (or, per slice, {@link Builder#perSlice(int)}) is
 *       INCONCLUSIVE and nothing else is checked on those rows.</li>
 *   <li>Without a champion, change thresholds become WARN findings saying they were not applied.</li>
 * </ul>
 *
 * <pre>{@code
 * ModelGate gate = ModelGate.builder()
 *     .metric("auc").atLeast(0.70).againstChampion().nonInferiority(0.01).confidence(0.95)
 *     .build();
 * Verdict verdict = gate.evaluate(ModelComparison.binary(labels, challengerP, championP));
 * }</pre>
 *
 * Immutable and thread-safe; the same comparison always gets the same verdict (the bootstrap is seeded).
 *
 * @since 0.1
 */
public final class ModelGate implements Gate<ModelComparison> {

    /** Default name in verdicts. */
    public static final String DEFAULT_NAME = "model-gate";
    /** Default minimum number of rows for any decision. */
    public static final int DEFAULT_MIN_ROWS = 30;
    /** Default confidence level of paired comparisons. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private final String name;
    private final List<MetricRule> rules;
    private final int minRows;
    private final int minSliceRows;
    private final int resamples;
    private final long seed;
    private final boolean stratified;
    private final double threshold;
    private final Clock clock;

    private ModelGate(Builder builder, List<MetricRule> rules) {
        this.name = builder.name;
        this.rules = List.copyOf(rules);
        this.minRows = builder.minRows;
        this.minSliceRows = builder.minSliceRows;
        this.resamples = builder.resamples;
        this.seed = builder.seed;
        this.stratified = builder.stratified;
        this.threshold = builder.threshold;
        this.clock = builder.clock;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the rules, one per metric, in the order declared */
    public List<MetricRule> rules() {
        return rules;
    }

    /** @return resamples per paired bootstrap */
    int resamples() {
        return resamples;
    }

    /** @return whether bootstrap resamples keep class sizes */
    boolean stratified() {
        return stratified;
    }

    /** @return the decision threshold for accuracy and the other threshold metrics */
    double threshold() {
        return threshold;
    }

    @Override
    public Verdict evaluate(ModelComparison comparison) {
        Objects.requireNonNull(comparison, "comparison");
        List<Finding> findings = new ArrayList<>();
        checkScope(comparison, SliceKeys.all(comparison.rows()), null, minRows, seed, findings);
        if (minSliceRows > 0 && comparison.slices().isPresent()) {
            for (Map.Entry<String, int[]> slice : comparison.slices().get().masks().entrySet()) {
                checkScope(comparison, slice.getValue(), slice.getKey(), minSliceRows,
                        Resampler.seedFor(seed, slice.getKey()), findings);
            }
        }
        return Verdict.fromFindings(name, findings, clock.instant());
    }

    private void checkScope(ModelComparison comparison, int[] mask, @Nullable String sliceKey, int minimum,
                            long scopeSeed, List<Finding> findings) {
        int rows = SliceKeys.size(mask);
        if (rows < minimum) {
            String where = sliceKey == null ? "The evaluation set" : "Slice '" + sliceKey + "'";
            findings.add(Finding.of("model.rows" + (sliceKey == null ? "" : "[slice=" + sliceKey + "]"),
                    Outcome.INCONCLUSIVE, rows, minimum, where + " has " + rows + " rows, fewer than the "
                            + minimum + " needed to decide; its metrics were not judged."));
            return;
        }
        RuleChecker checker = new RuleChecker(this, comparison, mask, sliceKey, scopeSeed);
        for (MetricRule rule : rules) {
            findings.addAll(checker.check(rule));
        }
    }

    @Override
    public String toString() {
        return "ModelGate[" + name + ", metrics " + rules.stream().map(MetricRule::name).toList() + "]";
    }

    /**
     * Builds a {@link ModelGate}. {@link #metric(String)} starts a rule; the threshold methods that follow apply to
     * that metric. Each method checks its argument at once; {@link #build()} checks that every rule has a
     * threshold. Not thread-safe.
     */
    public static final class Builder {
        private final List<RuleDraft> drafts = new ArrayList<>();
        private String name = DEFAULT_NAME;
        private int minRows = DEFAULT_MIN_ROWS;
        private int minSliceRows;
        private int resamples = Evaluator.DEFAULT_RESAMPLES;
        private long seed = Evaluator.DEFAULT_SEED;
        private boolean stratified = true;
        private double threshold = StandardMetrics.DEFAULT_THRESHOLD;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Starts a rule on a built-in metric.
         *
         * @param metricName a {@link StandardMetric} key such as {@code "auc"} or {@code "log_loss"}
         * @return this builder
         * @throws IllegalArgumentException for a name that is not built in (use {@link #metric(MetricFunction)})
         *                                  or a metric that already has a rule
         */
        public Builder metric(String metricName) {
            Objects.requireNonNull(metricName, "metricName");
            StandardMetric metric = StandardMetric.forKey(metricName).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown metric '" + metricName + "'; built in are " + Arrays.stream(StandardMetric.values())
                            .map(StandardMetric::key).toList() + ", others need metric(MetricFunction)"));
            return start(new RuleDraft(metric, null));
        }

        /**
         * Starts a rule on a custom metric.
         *
         * @param metric the metric function (its direction is used unless {@link #direction(Direction)} is called)
         * @return this builder
         */
        public Builder metric(MetricFunction metric) {
            Objects.requireNonNull(metric, "metric");
            return start(new RuleDraft(null, metric));
        }

        private Builder start(RuleDraft draft) {
            for (RuleDraft existing : drafts) {
                if (existing.name().equals(draft.name())) {
                    throw new IllegalArgumentException("Metric '" + draft.name() + "' already has a rule; "
                            + "chain all its thresholds after one metric(...) call");
                }
            }
            drafts.add(draft);
            return this;
        }

        /**
         * Overrides the current metric's direction of improvement.
         *
         * @param value the direction
         * @return this builder
         */
        public Builder direction(Direction value) {
            current("direction").direction = Objects.requireNonNull(value, "direction");
            return this;
        }

        /**
         * Requires the challenger's value of the current metric to be at least a bound.
         *
         * @param bound a finite bound
         * @return this builder
         */
        public Builder atLeast(double bound) {
            current("atLeast").atLeast = finite("atLeast", bound);
            return this;
        }

        /**
         * Requires the challenger's value of the current metric to be at most a bound.
         *
         * @param bound a finite bound
         * @return this builder
         */
        public Builder atMost(double bound) {
            current("atMost").atMost = finite("atMost", bound);
            return this;
        }

        /**
         * Marks that the change thresholds that follow compare against the champion (it reads well, and
         * {@link #build()} insists that a change threshold follows).
         *
         * @return this builder
         */
        public Builder againstChampion() {
            current("againstChampion").againstChampion = true;
            return this;
        }

        /**
         * The challenger may be worse than the champion by at most {@code margin} (in the metric's units).
         *
         * @param margin at least 0
         * @return this builder
         */
        public Builder nonInferiority(double margin) {
            return change(new ChangeThreshold(ChangeThreshold.Kind.NON_INFERIORITY, margin, false));
        }

        /**
         * The challenger must beat the champion by more than {@code margin} (0 = strictly better).
         *
         * @param margin at least 0
         * @return this builder
         */
        public Builder superiority(double margin) {
            return change(new ChangeThreshold(ChangeThreshold.Kind.SUPERIORITY, margin, false));
        }

        /**
         * The challenger may be worse than the champion by at most this fraction of the champion's value.
         *
         * @param fraction at least 0, e.g. 0.02 for 2%
         * @return this builder
         */
        public Builder relativeNonInferiority(double fraction) {
            return change(new ChangeThreshold(ChangeThreshold.Kind.NON_INFERIORITY, fraction, true));
        }

        /**
         * The challenger must beat the champion by more than this fraction of the champion's value.
         *
         * @param fraction at least 0
         * @return this builder
         */
        public Builder relativeSuperiority(double fraction) {
            return change(new ChangeThreshold(ChangeThreshold.Kind.SUPERIORITY, fraction, true));
        }

        private Builder change(ChangeThreshold change) {
            RuleDraft draft = current(change.checkName());
            if (!draft.againstChampion) {
                throw new IllegalStateException("Call againstChampion() before " + change.checkName()
                        + " on metric '" + draft.name() + "'");
            }
            draft.changes.add(change);
            return this;
        }

        /**
         * Sets the confidence level of the current metric's paired comparisons: the level of the two-sided
         * interval whose ends are compared with the limit (so each end is a one-sided bound at
         * {@code (1 + level) / 2}), and {@code 1 - level} is McNemar's alpha.
         *
         * @param level in (0, 1); default {@value ModelGate#DEFAULT_CONFIDENCE}
         * @return this builder
         */
        public Builder confidence(double level) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("Confidence must be in (0, 1), got " + level);
            }
            current("confidence").confidence = level;
            return this;
        }

        /**
         * Names the gate in verdicts.
         *
         * @param value a non-blank name; default {@value ModelGate#DEFAULT_NAME}
         * @return this builder
         */
        public Builder name(String value) {
            Objects.requireNonNull(value, "name");
            if (value.isBlank()) {
                throw new IllegalArgumentException("Gate name must not be blank");
            }
            this.name = value;
            return this;
        }

        /**
         * Sets the fewest rows on which the gate decides; fewer is INCONCLUSIVE.
         *
         * @param value at least 1; default {@value ModelGate#DEFAULT_MIN_ROWS}
         * @return this builder
         */
        public Builder minRows(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("minRows must be at least 1, got " + value);
            }
            this.minRows = value;
            return this;
        }

        /**
         * Also applies every rule to each slice of the comparison; a slice with fewer rows is INCONCLUSIVE.
         *
         * @param minRowsPerSlice at least 1
         * @return this builder
         */
        public Builder perSlice(int minRowsPerSlice) {
            if (minRowsPerSlice < 1) {
                throw new IllegalArgumentException("The minimum slice size must be at least 1, got "
                        + minRowsPerSlice);
            }
            this.minSliceRows = minRowsPerSlice;
            return this;
        }

        /**
         * Sets the paired-bootstrap resamples.
         *
         * @param value at least 100; default {@value Evaluator#DEFAULT_RESAMPLES}
         * @return this builder
         */
        public Builder resamples(int value) {
            if (value < 100) {
                throw new IllegalArgumentException("Resamples must be at least 100 for a usable bound, got " + value);
            }
            this.resamples = value;
            return this;
        }

        /**
         * Sets the bootstrap seed.
         *
         * @param value any seed; default {@value Evaluator#DEFAULT_SEED}
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Whether resamples keep each class's size (default true).
         *
         * @param value true to stratify
         * @return this builder
         */
        public Builder stratified(boolean value) {
            this.stratified = value;
            return this;
        }

        /**
         * Sets the decision threshold of accuracy, precision, recall and F1.
         *
         * @param value in [0, 1]; default {@value StandardMetrics#DEFAULT_THRESHOLD}
         * @return this builder
         */
        public Builder threshold(double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("Threshold must be in [0, 1], got " + value);
            }
            this.threshold = value;
            return this;
        }

        /**
         * Sets the clock that stamps verdicts.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the gate.
         *
         * @return the gate
         * @throws IllegalStateException without rules, for a rule without any threshold, for againstChampion()
         *                               without a change threshold, or for atLeast above atMost
         */
        public ModelGate build() {
            if (drafts.isEmpty()) {
                throw new IllegalStateException("A model gate needs at least one metric(...) rule");
            }
            List<MetricRule> rules = new ArrayList<>();
            for (RuleDraft draft : drafts) {
                rules.add(draft.toRule(threshold));
            }
            return new ModelGate(this, rules);
        }

        private RuleDraft current(String method) {
            if (drafts.isEmpty()) {
                throw new IllegalStateException("Call metric(...) before " + method + "(...)");
            }
            return drafts.get(drafts.size() - 1);
        }

        private static double finite(String what, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(what + " must be finite, got " + value);
            }
            return value;
        }
    }

    /** A rule while it is being built. */
    private static final class RuleDraft {
        private final @Nullable StandardMetric standard;
        private final @Nullable MetricFunction custom;
        private final List<ChangeThreshold> changes = new ArrayList<>();
        private @Nullable Direction direction;
        private @Nullable Double atLeast;
        private @Nullable Double atMost;
        private boolean againstChampion;
        private double confidence = DEFAULT_CONFIDENCE;

        RuleDraft(@Nullable StandardMetric standard, @Nullable MetricFunction custom) {
            this.standard = standard;
            this.custom = custom;
        }

        String name() {
            return standard != null ? standard.key() : Objects.requireNonNull(custom).name();
        }

        MetricRule toRule(double threshold) {
            if (atLeast == null && atMost == null && changes.isEmpty()) {
                throw new IllegalStateException("Metric '" + name() + "' has no threshold: add atLeast, atMost or "
                        + "againstChampion() with a margin");
            }
            if (againstChampion && changes.isEmpty()) {
                throw new IllegalStateException("Metric '" + name() + "': againstChampion() needs nonInferiority, "
                        + "superiority or a relative variant after it");
            }
            if (atLeast != null && atMost != null && atLeast > atMost) {
                throw new IllegalStateException("Metric '" + name() + "': atLeast " + atLeast + " is above atMost "
                        + atMost);
            }
            MetricFunction function = standard != null ? StandardMetrics.of(standard, threshold) : custom;
            Direction chosen = direction != null ? direction : Objects.requireNonNull(function).direction();
            return new MetricRule(function, chosen, atLeast, atMost, changes, confidence);
        }
    }
}
