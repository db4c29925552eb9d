package io.github.mlhighway.lifecycle.slo;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A service level objective: what is measured ({@link Indicator}), how the budget is counted
 * ({@link BudgetingMethod}), the objective, the window, and the burn-rate alert tiers. Immutable; create one
 * with a builder:
 *
 * <pre>{@code
 * Slo availability = Slo.ratio("checkout.availability")
 *     .objective(0.999)
 *     .rollingWindow(Duration.ofDays(28))
 *     .build();
 * Slo latency = Slo.threshold("checkout.latency", Operator.LTE, 300.0)
 *     .objective(0.99).rollingWindow(Duration.ofDays(28)).build();
 * Slo accuracy = Slo.timeslices("forecast.accuracy")
 *     .metric("accuracy").atLeast(0.70).slice(Duration.ofHours(1))
 *     .objective(0.95).rollingWindow(Duration.ofDays(7)).build();
 * }</pre>
 *
 * @param name            unique name: letters, digits, {@code . _ -}; at most 128 characters
 * @param displayName     a human-readable name (defaults to the name)
 * @param description     free text, may be empty
 * @param service         the service the SLO belongs to, may be empty
 * @param indicator       what is measured
 * @param budgetingMethod how the budget is counted
 * @param objective       the target share of good events or slices, strictly between 0 and 1
 * @param window          the period over which the objective must hold
 * @param timeslices      slice settings; required for the timeslice methods, {@code null} for Occurrences
 * @param alerting        burn-rate alert tiers, each able to fire under this objective
 * @param labels          extra labels carried into exports (Prometheus rules), may be empty
 * @since 0.1
 */
public record Slo(String name, String displayName, String description, String service, Indicator indicator,
                  BudgetingMethod budgetingMethod, double objective, TimeWindow window, @Nullable Timeslices timeslices,
                  AlertPolicy alerting, Map<String, String> labels) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /**
     * Validates every component and the rules between them.
     *
     * @throws IllegalArgumentException naming the SLO and the bad value
     */
    public Slo {
        requireName(name, "SLO name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(budgetingMethod, "budgetingMethod");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(alerting, "alerting");
        labels = Map.copyOf(labels);
        if (!(objective > 0.0 && objective < 1.0)) {
            throw new IllegalArgumentException("SLO '" + name + "': objective must be strictly between 0 and 1, was "
                    + objective);
        }
        if (budgetingMethod == BudgetingMethod.OCCURRENCES && timeslices != null) {
            throw new IllegalArgumentException("SLO '" + name
                    + "': Occurrences budgeting takes no time slices; use Timeslices or RatioTimeslices");
        }
        if (budgetingMethod != BudgetingMethod.OCCURRENCES) {
            if (timeslices == null) {
                throw new IllegalArgumentException("SLO '" + name + "': " + budgetingMethod.openSloName()
                        + " budgeting needs a time slice length");
            }
            if (timeslices.slice().compareTo(window.nominalLength()) > 0) {
                throw new IllegalArgumentException("SLO '" + name + "': time slice " + timeslices.slice()
                        + " is longer than the window " + window.nominalLength());
            }
        }
        double maxFactor = 1.0 / (1.0 - objective);
        for (BurnRateTier tier : alerting.tiers()) {
            if (tier.enabled() && tier.factor() > maxFactor * (1 + 1e-9)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "SLO '%s': alert tier '%s' can never fire: burn rate %.4g needs an error ratio of %.4g, "
                                + "more than 100%%, with objective %s; the highest possible burn rate is %.4g",
                        name, tier.id(), tier.factor(), tier.factor() * (1.0 - objective), objective, maxFactor));
            }
            if (tier.longWindow().compareTo(window.nominalLength()) > 0) {
                throw new IllegalArgumentException("SLO '" + name + "': alert tier '" + tier.id()
                        + "' has a long window " + tier.longWindow() + " longer than the SLO window "
                        + window.nominalLength());
            }
        }
    }

    /**
     * The share of events (or slices) that may be bad: {@code 1 - objective}.
     *
     * @return the error budget as a ratio
     */
    public double errorBudgetRatio() {
        return 1.0 - objective;
    }

    /**
     * A ratio SLO: the application records good and bad events. Occurrences budgeting unless changed.
     *
     * @param name SLO name
     * @return a builder
     */
    public static Builder ratio(String name) {
        requireName(name, "SLO name");
        return new Builder(name, new Indicator.Ratio(name, Indicator.Counting.GOOD, MetricSource.none(),
                MetricSource.none()));
    }

    /**
     * A threshold SLO: the application records values, good when {@code value operator threshold}.
     *
     * @param name      SLO name
     * @param operator  comparison, e.g. {@link Operator#LTE} for latency
     * @param threshold the threshold, e.g. 300 (ms)
     * @return a builder
     */
    public static Builder threshold(String name, Operator operator, double threshold) {
        requireName(name, "SLO name");
        return new Builder(name, new Indicator.Threshold(name, operator, threshold, MetricSource.none()));
    }

    /**
     * A probe SLO: the application records probe results (up or down).
     *
     * @param name SLO name
     * @return a builder
     */
    public static Builder probe(String name) {
        requireName(name, "SLO name");
        return new Builder(name, new Indicator.Probe(name, MetricSource.none()));
    }

    /**
     * A ratio SLO budgeted by time slices: each slice is good when its good-event ratio reaches the slice
     * target (set with {@link Builder#atLeast(double)}; default 1.0), and the objective is the share of good
     * slices. The slice length defaults to {@link Builder#DEFAULT_SLICE}.
     *
     * @param name SLO name
     * @return a builder
     */
    public static Builder timeslices(String name) {
        Builder builder = ratio(name);
        builder.budgetingMethod = BudgetingMethod.TIMESLICES;
        return builder;
    }

    /**
     * A builder that starts from this SLO, to derive a variant.
     *
     * @return a builder holding every component of this SLO
     */
    public Builder toBuilder() {
        Builder builder = new Builder(name, indicator);
        builder.displayName = displayName;
        builder.description = description;
        builder.service = service;
        builder.budgetingMethod = budgetingMethod;
        builder.objective = objective;
        builder.window = window;
        if (timeslices != null) {
            builder.slice = timeslices.slice();
            builder.sliceOperator = timeslices.operator();
            builder.sliceTarget = timeslices.target();
        }
        builder.alerting = alerting;
        builder.labels.putAll(labels);
        return builder;
    }

    static void requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " '" + value
                    + "': use 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** Builds an {@link Slo}; each setter validates its argument at once, {@link #build()} the rules between. */
    public static final class Builder {
        /** Default slice length for timeslice budgeting. */
        public static final Duration DEFAULT_SLICE = Duration.ofMinutes(1);
        /** Default window: 28 days rolling, four whole weeks. */
        public static final Duration DEFAULT_WINDOW = Duration.ofDays(28);

        private final String name;
        private Indicator indicator;
        private String displayName;
        private String description = "";
        private String service = "";
        private BudgetingMethod budgetingMethod = BudgetingMethod.OCCURRENCES;
        private double objective = Double.NaN;
        private TimeWindow window = TimeWindow.rolling(DEFAULT_WINDOW);
        private @Nullable Duration slice;
        private Operator sliceOperator = Operator.GTE;
        private double sliceTarget = 1.0;
        private @Nullable AlertPolicy alerting;
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder(String name, Indicator indicator) {
            requireName(name, "SLO name");
            this.name = name;
            this.indicator = indicator;
            this.displayName = name;
        }

        /**
         * The target share of good events or slices.
         *
         * @param value strictly between 0 and 1, e.g. 0.999
         * @return this builder
         */
        public Builder objective(double value) {
            if (!(value > 0.0 && value < 1.0)) {
                throw new IllegalArgumentException("SLO '" + name + "': objective must be strictly between 0 and 1,"
                        + " was " + value);
            }
            this.objective = value;
            return this;
        }

        /**
         * A rolling window.
         *
         * @param duration positive whole seconds, e.g. 28 days
         * @return this builder
         */
        public Builder rollingWindow(Duration duration) {
            this.window = TimeWindow.rolling(duration);
            return this;
        }

        /**
         * A calendar window of one unit in the given zone, e.g. the calendar month in Europe/Berlin.
         *
         * @param unit the calendar unit
         * @param zone the zone the calendar is read in
         * @return this builder
         */
        public Builder calendarWindow(CalendarUnit unit, ZoneId zone) {
            this.window = TimeWindow.calendar(unit, zone);
            return this;
        }

        /**
         * Any window.
         *
         * @param timeWindow the window
         * @return this builder
         */
        public Builder window(TimeWindow timeWindow) {
            this.window = Objects.requireNonNull(timeWindow, "window");
            return this;
        }

        /**
         * Occurrences budgeting (the default for ratio, threshold and probe SLOs).
         *
         * @return this builder
         */
        public Builder occurrences() {
            this.budgetingMethod = BudgetingMethod.OCCURRENCES;
            return this;
        }

        /**
         * Timeslices budgeting with the given slice length and slice target (ratio &gt;= target is good).
         *
         * @param sliceLength length of one slice
         * @param target      slice target in [0, 1]
         * @return this builder
         */
        public Builder timeslices(Duration sliceLength, double target) {
            this.budgetingMethod = BudgetingMethod.TIMESLICES;
            slice(sliceLength);
            return atLeast(target);
        }

        /**
         * RatioTimeslices budgeting: the SLI is the average of the slices' ratios.
         *
         * @param sliceLength length of one slice
         * @return this builder
         */
        public Builder ratioTimeslices(Duration sliceLength) {
            this.budgetingMethod = BudgetingMethod.RATIO_TIMESLICES;
            return slice(sliceLength);
        }

        /**
         * The slice length for timeslice budgeting.
         *
         * @param sliceLength positive whole seconds
         * @return this builder
         */
        public Builder slice(Duration sliceLength) {
            Objects.requireNonNull(sliceLength, "slice");
            if (sliceLength.isNegative() || sliceLength.isZero() || sliceLength.getNano() != 0) {
                throw new IllegalArgumentException("SLO '" + name
                        + "': a time slice must be a positive whole number of seconds, was " + sliceLength);
            }
            this.slice = sliceLength;
            return this;
        }

        /**
         * The slice target: a slice is good when its good-event ratio is at least this value.
         *
         * @param target in [0, 1]
         * @return this builder
         */
        public Builder atLeast(double target) {
            return sliceTarget(Operator.GTE, target);
        }

        /**
         * The slice target with an explicit operator (OpenSLO {@code op} with {@code timeSliceTarget}).
         *
         * @param operator how the slice ratio is compared
         * @param target   in [0, 1]
         * @return this builder
         */
        public Builder sliceTarget(Operator operator, double target) {
            Objects.requireNonNull(operator, "operator");
            if (!(target >= 0.0 && target <= 1.0)) {
                throw new IllegalArgumentException("SLO '" + name + "': slice target must be in [0, 1], was "
                        + target);
            }
            this.sliceOperator = operator;
            this.sliceTarget = target;
            return this;
        }

        /**
         * Names the measured metric (the indicator's name), e.g. {@code accuracy}.
         *
         * @param metricName indicator name
         * @return this builder
         */
        public Builder metric(String metricName) {
            if (indicator instanceof Indicator.Ratio ratio) {
                indicator = new Indicator.Ratio(metricName, ratio.counting(), ratio.counted(), ratio.total());
            } else if (indicator instanceof Indicator.Threshold threshold) {
                indicator = new Indicator.Threshold(metricName, threshold.operator(), threshold.threshold(),
                        threshold.source());
            } else {
                indicator = new Indicator.Probe(metricName, ((Indicator.Probe) indicator).source());
            }
            return this;
        }

        /**
         * Replaces the indicator.
         *
         * @param value the indicator
         * @return this builder
         */
        public Builder indicator(Indicator value) {
            this.indicator = Objects.requireNonNull(value, "indicator");
            return this;
        }

        /**
         * Prometheus queries of a ratio SLI counting good events, for rule export.
         *
         * @param goodQuery  PromQL for good events, may use {@code {{.window}}}
         * @param totalQuery PromQL for all events
         * @return this builder
         */
        public Builder goodOverTotal(String goodQuery, String totalQuery) {
            this.indicator = new Indicator.Ratio(indicator.name(), Indicator.Counting.GOOD,
                    MetricSource.prometheus(goodQuery), MetricSource.prometheus(totalQuery));
            return this;
        }

        /**
         * Prometheus queries of a ratio SLI counting bad events, for rule export.
         *
         * @param badQuery   PromQL for bad events, may use {@code {{.window}}}
         * @param totalQuery PromQL for all events
         * @return this builder
         */
        public Builder badOverTotal(String badQuery, String totalQuery) {
            this.indicator = new Indicator.Ratio(indicator.name(), Indicator.Counting.BAD,
                    MetricSource.prometheus(badQuery), MetricSource.prometheus(totalQuery));
            return this;
        }

        /**
         * The display name.
         *
         * @param value non-null text
         * @return this builder
         */
        public Builder displayName(String value) {
            this.displayName = Objects.requireNonNull(value, "displayName");
            return this;
        }

        /**
         * The description.
         *
         * @param value non-null text
         * @return this builder
         */
        public Builder description(String value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        /**
         * The owning service.
         *
         * @param value non-null text
         * @return this builder
         */
        public Builder service(String value) {
            this.service = Objects.requireNonNull(value, "service");
            return this;
        }

        /**
         * Burn-rate alert tiers. Default: {@link AlertPolicy#sreWorkbook(Duration)} for this SLO's period, with
         * any tier that could not fire under this objective disabled (explicit tiers that cannot fire are
         * rejected by {@link #build()}).
         *
         * @param policy the tiers and guards
         * @return this builder
         */
        public Builder alerting(AlertPolicy policy) {
            this.alerting = Objects.requireNonNull(policy, "alerting");
            return this;
        }

        /**
         * Adds a label carried into exports.
         *
         * @param key   label name
         * @param value label value
         * @return this builder
         */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The Workbook tiers for this period, with the ones that cannot fire under this objective disabled. */
        private AlertPolicy feasibleDefaults() {
            AlertPolicy policy = AlertPolicy.sreWorkbook(window.nominalLength());
            for (BurnRateTier tier : policy.tiers()) {
                if (tier.factor() > 1.0 / (1.0 - objective)) {
                    policy = policy.withTierEnabled(tier.id(), false);
                }
            }
            return policy;
        }

        /**
         * Builds the SLO.
         *
         * @return the SLO
         * @throws IllegalStateException    if no objective was set
         * @throws IllegalArgumentException if the components do not fit together (see {@link Slo})
         */
        public Slo build() {
            if (Double.isNaN(objective)) {
                throw new IllegalStateException("SLO '" + name + "': set an objective, e.g. objective(0.999)");
            }
            Timeslices slices = null;
            if (budgetingMethod != BudgetingMethod.OCCURRENCES) {
                slices = new Timeslices(slice == null ? DEFAULT_SLICE : slice, sliceOperator, sliceTarget);
            }
            AlertPolicy policy = alerting != null ? alerting : feasibleDefaults();
            return new Slo(name, displayName, description, service, indicator, budgetingMethod, objective, window,
                    slices, policy, labels);
        }
    }
}
