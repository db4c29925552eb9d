package io.github.mlhighway.lifecycle.core.data.anomaly;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Watches one metric over time (a daily row count, a null rate, a feature mean) and says when a new value is
 * anomalous: outside the online mean &plusmn; k&sigma; band of the values seen so far (Welford's algorithm, no
 * history kept), or changed more than the rate-of-change bounds allow since the previous value. Each result
 * carries the expected range.
 *
 * <pre>{@code
 * MetricAnomalyDetector rows = MetricAnomalyDetector.builder("daily_rows")
 *     .sigmas(3).warmUp(7).maxRelativeChange(0.5).build();
 * AnomalyResult result = rows.observe(table.rowCount(), clock.instant());
 * Verdict verdict = result.toVerdict();   // FAIL when result.isAnomaly()
 * }</pre>
 *
 * <p>The first {@code warmUp} observations are INCONCLUSIVE: they build the baseline. By default an anomalous
 * value does not join the baseline, so one bad day does not widen the band for the next. A NaN or infinite
 * value is a FAIL that says so, and never joins the baseline. Thread-safe.
 *
 * @since 0.1
 */
public final class MetricAnomalyDetector {

    /** Default width of the band, in standard deviations. */
    public static final double DEFAULT_SIGMAS = 3.0;
    /** Default number of observations before values are judged. */
    public static final int DEFAULT_WARM_UP = 10;

    private final String metric;
    private final double sigmas;
    private final int warmUp;
    private final double maxRelativeChange;
    private final double maxAbsoluteChange;
    private final boolean learnFromAnomalies;

    private long count;
    private double mean;
    private double m2;
    private double previous = Double.NaN;

    private MetricAnomalyDetector(Builder builder) {
        this.metric = builder.metric;
        this.sigmas = builder.sigmas;
        this.warmUp = builder.warmUp;
        this.maxRelativeChange = builder.maxRelativeChange;
        this.maxAbsoluteChange = builder.maxAbsoluteChange;
        this.learnFromAnomalies = builder.learnFromAnomalies;
    }

    /**
     * A builder.
     *
     * @param metric the metric's name, used in findings and verdicts
     * @return the builder
     */
    public static Builder builder(String metric) {
        return new Builder(metric);
    }

    /**
     * Judges a new value and (unless it is anomalous) adds it to the baseline.
     *
     * @param value the observed value
     * @param at    when it was observed
     * @return the judgement with the expected range
     */
    public synchronized AnomalyResult observe(double value, Instant at) {
        Objects.requireNonNull(at, "at");
        Double meanBefore = count == 0 ? null : mean;
        Double stdBefore = count < 2 ? null : Math.sqrt(m2 / (count - 1));
        long seen = count;
        List<Finding> findings = new ArrayList<>();
        if (!Double.isFinite(value)) {
            findings.add(Finding.note(metric + ".finite", Outcome.FAIL,
                    "value of '" + metric + "' is " + value + ", not a finite number; it is left out of the baseline"));
            return new AnomalyResult(metric, at, value, Outcome.FAIL, null, null, meanBefore, stdBefore, seen,
                    findings);
        }
        if (count < warmUp) {
            findings.add(Finding.note(metric + ".warm_up", Outcome.INCONCLUSIVE, String.format(Locale.ROOT,
                    "warming up: %d of %d observations needed before '%s' is judged", count, warmUp, metric)));
            learn(value);
            return new AnomalyResult(metric, at, value, Outcome.INCONCLUSIVE, null, null, meanBefore, stdBefore,
                    seen, findings);
        }
        double std = stdBefore == null ? 0.0 : stdBefore;
        double low = mean - sigmas * std;
        double high = mean + sigmas * std;
        boolean inBand = value >= low && value <= high;
        findings.add(new Finding(metric + ".band", inBand ? Outcome.PASS : Outcome.FAIL, value,
                inBand ? high : (value < low ? low : high), String.format(Locale.ROOT,
                "%s = %s, expected within mean %.6g \u00b1 %s\u03c3 (%.6g) = [%.6g, %.6g] from %d observations",
                metric, value, mean, sigmas, std, low, high, count)));
        if (!Double.isNaN(previous)) {
            double change = value - previous;
            double allowed = allowedChange();
            if (Double.isFinite(allowed)) {
                boolean steady = Math.abs(change) <= allowed;
                low = Math.max(low, previous - allowed);
                high = Math.min(high, previous + allowed);
                findings.add(new Finding(metric + ".change", steady ? Outcome.PASS : Outcome.FAIL, Math.abs(change),
                        allowed, String.format(Locale.ROOT, "%s changed by %.6g since the previous value %.6g; "
                        + "at most %.6g allowed", metric, change, previous, allowed)));
            }
        }
        Outcome outcome = Outcome.PASS;
        for (Finding finding : findings) {
            outcome = Outcome.worst(outcome, finding.outcome());
        }
        if (outcome == Outcome.PASS || learnFromAnomalies) {
            learn(value);
        }
        return new AnomalyResult(metric, at, value, outcome, low, high, meanBefore, stdBefore, seen, findings);
    }

    /**
     * The baseline, for persistence.
     *
     * @return the state
     */
    public synchronized State state() {
        return new State(metric, count, mean, m2, Double.isNaN(previous) ? null : previous);
    }

    /**
     * Restores a baseline saved by {@link #state()}.
     *
     * @param state a state of the same metric
     * @throws IllegalArgumentException if it belongs to another metric or is inconsistent
     */
    public synchronized void restore(State state) {
        if (!metric.equals(state.metric())) {
            throw new IllegalArgumentException("State of metric '" + state.metric() + "' cannot restore '" + metric
                    + "'");
        }
        if (state.count() < 0 || !Double.isFinite(state.mean()) || !(state.m2() >= 0)) {
            throw new IllegalArgumentException("State of metric '" + metric + "' is inconsistent: " + state);
        }
        count = state.count();
        mean = state.mean();
        m2 = state.m2();
        previous = state.previous() == null ? Double.NaN : state.previous();
    }

    private void learn(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        previous = value;
    }

    private double allowedChange() {
        double relative = Double.isNaN(maxRelativeChange) ? Double.POSITIVE_INFINITY
                : maxRelativeChange * Math.abs(previous);
        double absolute = Double.isNaN(maxAbsoluteChange) ? Double.POSITIVE_INFINITY : maxAbsoluteChange;
        return Math.min(relative, absolute);
    }

    /**
     * The persisted baseline.
     *
     * @param metric   the metric's name
     * @param count    observations in the baseline
     * @param mean     their mean
     * @param m2       sum of squared deviations from the mean (Welford)
     * @param previous the last value that joined the baseline, null if none
     */
    public record State(String metric, long count, double mean, double m2, @Nullable Double previous) {
    }

    /** Builds a {@link MetricAnomalyDetector}. */
    public static final class Builder {
        private final String metric;
        private double sigmas = DEFAULT_SIGMAS;
        private int warmUp = DEFAULT_WARM_UP;
        private double maxRelativeChange = Double.NaN;
        private double maxAbsoluteChange = Double.NaN;
        private boolean learnFromAnomalies;

        private Builder(String metric) {
            Objects.requireNonNull(metric, "metric");
            if (metric.isBlank()) {
                throw new IllegalArgumentException("Metric name must not be blank");
            }
            this.metric = metric;
        }

        /**
         * Width of the band in standard deviations.
         *
         * @param k positive, e.g. 3
         * @return this builder
         */
        public Builder sigmas(double k) {
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("sigmas must be positive and finite, was " + k);
            }
            this.sigmas = k;
            return this;
        }

        /**
         * Observations needed before values are judged.
         *
         * @param observations at least 2 (a standard deviation needs two values)
         * @return this builder
         */
        public Builder warmUp(int observations) {
            if (observations < 2) {
                throw new IllegalArgumentException("warmUp must be at least 2, was " + observations);
            }
            this.warmUp = observations;
            return this;
        }

        /**
         * Largest allowed change from the previous value, as a share of it (0.5 = &plusmn;50%).
         *
         * @param fraction positive
         * @return this builder
         */
        public Builder maxRelativeChange(double fraction) {
            if (!(fraction > 0) || Double.isInfinite(fraction)) {
                throw new IllegalArgumentException("maxRelativeChange must be positive and finite, was " + fraction);
            }
            this.maxRelativeChange = fraction;
            return this;
        }

        /**
         * Largest allowed change from the previous value, in the metric's units.
         *
         * @param amount positive
         * @return this builder
         */
        public Builder maxAbsoluteChange(double amount) {
            if (!(amount > 0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("maxAbsoluteChange must be positive and finite, was " + amount);
            }
            this.maxAbsoluteChange = amount;
            return this;
        }

        /**
         * Whether anomalous values join the baseline too (default false).
         *
         * @param learn true to learn from every finite value
         * @return this builder
         */
        public Builder learnFromAnomalies(boolean learn) {
            this.learnFromAnomalies = learn;
            return this;
        }

        /** @return the detector */
        public MetricAnomalyDetector build() {
            return new MetricAnomalyDetector(this);
        }
    }
}
