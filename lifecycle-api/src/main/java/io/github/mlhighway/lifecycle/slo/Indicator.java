package io.github.mlhighway.lifecycle.slo;

import java.util.Objects;

/**
 * What an SLO measures, and how one recorded event is judged good or bad.
 *
 * <ul>
 *   <li>{@link Ratio}: the application records good and bad events (availability, correct predictions);</li>
 *   <li>{@link Threshold}: the application records a value, which is good when it satisfies an operator and
 *       threshold (latency &lt;= 300 ms);</li>
 *   <li>{@link Probe}: the application records probe results (up or down), usually with timeslice budgeting.</li>
 * </ul>
 *
 * @since 0.1
 */
public sealed interface Indicator permits Indicator.Ratio, Indicator.Threshold, Indicator.Probe {

    /**
     * The indicator's name (OpenSLO SLI metadata name).
     *
     * @return the name
     */
    String name();

    /** Whether a ratio indicator's first query counts good events or bad events. */
    enum Counting {
        /** {@code good / total}. */
        GOOD,
        /** {@code 1 - bad / total}. */
        BAD
    }

    /**
     * A ratio SLI: good (or bad) events over total events.
     *
     * @param name     indicator name
     * @param counting whether {@code counted} holds good or bad events
     * @param counted  the query for good or bad events (for export)
     * @param total    the query for all events (for export)
     */
    record Ratio(String name, Counting counting, MetricSource counted, MetricSource total) implements Indicator {
        /** Validates the components. */
        public Ratio {
            Slo.requireName(name, "indicator name");
            Objects.requireNonNull(counting, "counting");
            Objects.requireNonNull(counted, "counted");
            Objects.requireNonNull(total, "total");
        }
    }

    /**
     * A threshold SLI: each recorded value is good when {@code value operator threshold} holds.
     *
     * @param name      indicator name
     * @param operator  comparison
     * @param threshold the value compared with
     * @param source    the query for the value (for export)
     */
    record Threshold(String name, Operator operator, double threshold, MetricSource source) implements Indicator {
        /** Validates the components; the threshold must be finite. */
        public Threshold {
            Slo.requireName(name, "indicator name");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(source, "source");
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException(
                        "Threshold of indicator '" + name + "' must be finite, was " + threshold);
            }
        }

        /**
         * Judges one value.
         *
         * @param value the measured value
         * @return true when the value is good
         */
        public boolean isGood(double value) {
            return operator.test(value, threshold);
        }
    }

    /**
     * A boolean probe: each recorded result is good when the probe succeeded.
     *
     * @param name   indicator name
     * @param source the query for probe success (for export)
     */
    record Probe(String name, MetricSource source) implements Indicator {
        /** Validates the components. */
        public Probe {
            Slo.requireName(name, "indicator name");
            Objects.requireNonNull(source, "source");
        }
    }
}
