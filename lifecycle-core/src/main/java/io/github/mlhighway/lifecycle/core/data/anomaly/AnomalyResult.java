package io.github.mlhighway.lifecycle.core.data.anomaly;

import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The judgement of one observation of a metric, with the range that was expected.
 *
 * @param metric        the metric's name
 * @param at            when the value was observed
 * @param value         the observed value
 * @param outcome       PASS, FAIL (anomalous), or INCONCLUSIVE (still warming up)
 * @param expectedLow   lower end of the expected range (mean - k&sigma;, tightened by any rate-of-change bound);
 *                      null while warming up
 * @param expectedHigh  upper end of the expected range; null while warming up
 * @param mean          the baseline mean before this observation; null before the first observation
 * @param stdDev        the baseline standard deviation before this observation; null before two observations
 * @param observations  how many observations the baseline held before this one
 * @param findings      one finding per check, each with the observed value and the threshold it was held to
 * @since 0.1
 */
public record AnomalyResult(String metric, Instant at, double value, Outcome outcome, @Nullable Double expectedLow,
                            @Nullable Double expectedHigh, @Nullable Double mean, @Nullable Double stdDev,
                            long observations,
                            List<Finding> findings) {

    /** Validates and copies the components. */
    public AnomalyResult {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(findings);
    }

    /**
     * Whether the value fell outside the expected range.
     *
     * @return true when the outcome is FAIL
     */
    public boolean isAnomaly() {
        return outcome == Outcome.FAIL;
    }

    /**
     * The result as a verdict of the gate named after the metric.
     *
     * @return the verdict
     */
    public Verdict toVerdict() {
        return new Verdict("anomaly." + metric, outcome, findings, at);
    }
}
