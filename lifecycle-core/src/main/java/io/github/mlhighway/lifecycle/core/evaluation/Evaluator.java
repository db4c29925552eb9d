package io.github.mlhighway.lifecycle.core.evaluation;

import io.github.mlhighway.lifecycle.core.evaluation.internal.Percentiles;
import io.github.mlhighway.lifecycle.core.evaluation.internal.Resampler;
import io.github.mlhighway.lifecycle.core.evaluation.internal.StandardMetrics;
import io.github.mlhighway.lifecycle.evaluation.ConfidenceInterval;
import io.github.mlhighway.lifecycle.evaluation.Evaluation;
import io.github.mlhighway.lifecycle.evaluation.EvaluationSettings;
import io.github.mlhighway.lifecycle.evaluation.MetricSet;
import io.github.mlhighway.lifecycle.evaluation.MetricValue;
import io.github.mlhighway.lifecycle.evaluation.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Computes an {@link Evaluation}: every metric on all rows and on each slice, each with a seeded
 * percentile-bootstrap interval. A metric undefined on the rows (AUC with one class) is listed with its reason;
 * a metric undefined on any resample gets no interval, and its note says on how many. Immutable and thread-safe.
 *
 * <pre>{@code
 * Evaluator evaluator = Evaluator.binary().threshold(0.5).resamples(1000).confidence(0.95).seed(42).build();
 * Evaluation evaluation = evaluator.evaluate(BinaryData.of(labels, probabilities), slicePerRow);
 * }</pre>
 *
 * @since 0.1
 */
public final class Evaluator {

    /** Default number of bootstrap resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Default seed, so that an evaluation is reproducible even when nobody chose one. */
    public static final long DEFAULT_SEED = 20_240_601L;

    private final Task task;
    private final List<MetricFunction> metrics;
    private final EvaluationSettings settings;

    private Evaluator(Builder builder) {
        this.task = builder.task;
        this.settings = new EvaluationSettings(builder.threshold, builder.resamples, builder.confidence,
                builder.seed, builder.stratified);
        List<MetricFunction> all = new ArrayList<>(StandardMetrics.forTask(task, builder.threshold));
        all.addAll(builder.extra);
        this.metrics = List.copyOf(all);
    }

    /** @return a builder for binary classification (all nine classification metrics) */
    public static Builder binary() {
        return new Builder(Task.BINARY_CLASSIFICATION);
    }

    /** @return a builder for regression (RMSE, MAE, R², MAPE) */
    public static Builder regression() {
        return new Builder(Task.REGRESSION);
    }

    /** @return the metrics computed, built-in first */
    public List<MetricFunction> metrics() {
        return metrics;
    }

    /** @return the settings recorded in every evaluation */
    public EvaluationSettings settings() {
        return settings;
    }

    /**
     * Evaluates on all rows, without slices.
     *
     * @param data predictions of this evaluator's task
     * @return the evaluation
     * @throws IllegalArgumentException when the data is of another task
     */
    public Evaluation evaluate(EvaluationData data) {
        return evaluate(data, null);
    }

    /**
     * Evaluates on all rows and on each slice.
     *
     * @param data   predictions of this evaluator's task
     * @param slices one slice key per row, or null for none
     * @return the evaluation
     * @throws IllegalArgumentException when the data is of another task, or a slice key is null or the keys do not
     *                                  match the rows
     */
    public Evaluation evaluate(EvaluationData data, String @Nullable [] slices) {
        Objects.requireNonNull(data, "data");
        if (data.task() != task) {
            throw new IllegalArgumentException("This evaluator is for " + task + " but the data is " + data.task());
        }
        MetricSet overall = evaluate(data, SliceKeys.all(data.rows()), settings.seed());
        Map<String, MetricSet> bySlice = new LinkedHashMap<>();
        if (slices != null) {
            SliceKeys keys = SliceKeys.of(slices, data.rows());
            keys.masks().forEach((key, mask) ->
                    bySlice.put(key, evaluate(data, mask, Resampler.seedFor(settings.seed(), key))));
        }
        return new Evaluation(task, overall, bySlice, settings);
    }

    private MetricSet evaluate(EvaluationData data, int[] mask, long seed) {
        int m = metrics.size();
        Score[] points = new Score[m];
        for (int k = 0; k < m; k++) {
            points[k] = metrics.get(k).compute(data, mask);
        }
        int resamples = settings.resamples();
        double[][] draws = new double[m][resamples];
        int[] undefinedDraws = new int[m];
        if (resamples > 0) {
            Resampler resampler = new Resampler(data, mask, settings.stratified(), seed);
            int[] weights = new int[data.rows()];
            for (int b = 0; b < resamples; b++) {
                resampler.next(weights);
                for (int k = 0; k < m; k++) {
                    if (!points[k].usable()) {
                        continue;
                    }
                    Score score = metrics.get(k).compute(data, weights);
                    if (score.usable()) {
                        draws[k][b] = score.value();
                    } else {
                        undefinedDraws[k]++;
                    }
                }
            }
        }
        Map<String, MetricValue> values = new LinkedHashMap<>();
        Map<String, String> undefined = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            String name = metrics.get(k).name();
            Score point = points[k];
            if (!point.defined()) {
                undefined.put(name, point.reason());
            } else if (!Double.isFinite(point.value())) {
                undefined.put(name, "the metric computed " + point.value());
            } else {
                values.put(name, value(point, draws[k], undefinedDraws[k]));
            }
        }
        return new MetricSet(SliceKeys.size(mask), values, undefined);
    }

    private MetricValue value(Score point, double[] draws, int undefinedDraws) {
        List<String> notes = new ArrayList<>();
        if (point.excluded() > 0) {
            notes.add(point.excluded() + " rows excluded by the metric's definition");
        }
        ConfidenceInterval interval = null;
        if (settings.resamples() == 0) {
            notes.add("no interval: bootstrap disabled");
        } else if (undefinedDraws > 0) {
            notes.add("no interval: undefined on " + undefinedDraws + " of " + settings.resamples() + " resamples");
        } else {
            interval = Percentiles.interval(draws, settings.confidence());
        }
        return new MetricValue(point.value(), interval, point.n(), point.excluded(), String.join("; ", notes));
    }

    /** Builds an {@link Evaluator}; each method checks its argument at once. Not thread-safe. */
    public static final class Builder {
        private final Task task;
        private final List<MetricFunction> extra = new ArrayList<>();
        private double threshold = StandardMetrics.DEFAULT_THRESHOLD;
        private int resamples = DEFAULT_RESAMPLES;
        private double confidence = DEFAULT_CONFIDENCE;
        private long seed = DEFAULT_SEED;
        private boolean stratified = true;

        private Builder(Task task) {
            this.task = task;
        }

        /**
         * Sets the decision threshold of accuracy, precision, recall and F1 (a row is positive at p &gt;= it).
         *
         * @param value threshold in [0, 1]; default {@value StandardMetrics#DEFAULT_THRESHOLD}
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
         * Sets the number of bootstrap resamples.
         *
         * @param value at least 0 (0 disables intervals); default {@value Evaluator#DEFAULT_RESAMPLES}
         * @return this builder
         */
        public Builder resamples(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("Resamples must not be negative, got " + value);
            }
            this.resamples = value;
            return this;
        }

        /**
         * Sets the confidence level of the intervals.
         *
         * @param value in (0, 1); default {@value Evaluator#DEFAULT_CONFIDENCE}
         * @return this builder
         */
        public Builder confidence(double value) {
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException("Confidence must be in (0, 1), got " + value);
            }
            this.confidence = value;
            return this;
        }

        /**
         * Sets the resampling seed.
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
         * Adds a custom metric, computed after the built-in ones.
         *
         * @param metric a metric of this builder's task whose name is not taken
         * @return this builder
         * @throws IllegalArgumentException for another task or a duplicate name
         */
        public Builder metric(MetricFunction metric) {
            Objects.requireNonNull(metric, "metric");
            if (metric.task() != task) {
                throw new IllegalArgumentException("Metric '" + metric.name() + "' is for " + metric.task()
                        + ", this evaluator for " + task);
            }
            boolean taken = StandardMetrics.forTask(task, threshold).stream()
                    .anyMatch(m -> m.name().equals(metric.name()))
                    || extra.stream().anyMatch(m -> m.name().equals(metric.name()));
            if (taken) {
                throw new IllegalArgumentException("A metric named '" + metric.name() + "' already exists");
            }
            extra.add(metric);
            return this;
        }

        /** @return the evaluator */
        public Evaluator build() {
            return new Evaluator(this);
        }
    }
}
