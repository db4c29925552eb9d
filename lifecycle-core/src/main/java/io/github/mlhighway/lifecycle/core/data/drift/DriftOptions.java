package io.github.mlhighway.lifecycle.core.data.drift;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable drift settings; defaults as in DESIGN §5 (Evidently's selection). Build with {@link #builder()}.
 *
 * @since 0.1
 */
public final class DriftOptions {

    /** Reference columns with at most this many values get statistical tests; larger ones get distances. */
    public static final int DEFAULT_SMALL_REFERENCE_ROWS = 1_000;
    /** Numeric columns with at most this many distinct reference values are tested as categorical. */
    public static final int DEFAULT_MAX_DISCRETE_VALUES = 5;
    /** Default significance level. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** Default share of tested columns that must drift for the data set to drift. */
    public static final double DEFAULT_DRIFT_SHARE = 0.5;
    /** Default number of reference-quantile bins for PSI, Jensen–Shannon and Hellinger on numeric columns. */
    public static final int DEFAULT_BINS = 30;
    /**
     * Default largest rise of a numeric column's share of non-finite values (NaN, ±infinity, which tests drop)
     * from the reference to the current data before the column counts as broken: one percentage point.
     */
    public static final double DEFAULT_MAX_NON_FINITE_SHARE_INCREASE = 0.01;

    private static final DriftOptions DEFAULTS = builder().build();

    private final int smallReferenceRows;
    private final int maxDiscreteValues;
    private final double alpha;
    private final double driftShare;
    private final int bins;
    private final double maxNonFiniteShareIncrease;
    private final Correction correction;
    private final Map<DriftTest, Double> thresholds;
    private final Map<String, DriftTest> columnTests;

    private DriftOptions(Builder builder) {
        this.smallReferenceRows = builder.smallReferenceRows;
        this.maxDiscreteValues = builder.maxDiscreteValues;
        this.alpha = builder.alpha;
        this.driftShare = builder.driftShare;
        this.bins = builder.bins;
        this.maxNonFiniteShareIncrease = builder.maxNonFiniteShareIncrease;
        this.correction = builder.correction;
        this.thresholds = Map.copyOf(builder.thresholds);
        this.columnTests = Map.copyOf(builder.columnTests);
    }

    /** @return the defaults */
    public static DriftOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return reference size up to which statistical tests are chosen */
    public int smallReferenceRows() {
        return smallReferenceRows;
    }

    /** @return distinct values up to which a numeric column is tested as categorical */
    public int maxDiscreteValues() {
        return maxDiscreteValues;
    }

    /** @return the significance level */
    public double alpha() {
        return alpha;
    }

    /** @return the share of tested columns at which the data set drifts */
    public double driftShare() {
        return driftShare;
    }

    /** @return bins for binned tests on numeric columns */
    public int bins() {
        return bins;
    }

    /**
     * @return the largest rise of a column's share of non-finite values (current share minus reference share)
     *         before the column counts as broken
     */
    public double maxNonFiniteShareIncrease() {
        return maxNonFiniteShareIncrease;
    }

    /** @return the multiple-testing correction */
    public Correction correction() {
        return correction;
    }

    /**
     * @param test a test
     * @return its minimum effect or distance threshold
     */
    public double threshold(DriftTest test) {
        return thresholds.getOrDefault(test, test.defaultThreshold());
    }

    /**
     * @param column a column name
     * @return the test forced for that column, if any
     */
    public Optional<DriftTest> testFor(String column) {
        return Optional.ofNullable(columnTests.get(column));
    }

    /** Builds {@link DriftOptions}, validating each argument at once. */
    public static final class Builder {
        private int smallReferenceRows = DEFAULT_SMALL_REFERENCE_ROWS;
        private int maxDiscreteValues = DEFAULT_MAX_DISCRETE_VALUES;
        private double alpha = DEFAULT_ALPHA;
        private double driftShare = DEFAULT_DRIFT_SHARE;
        private int bins = DEFAULT_BINS;
        private double maxNonFiniteShareIncrease = DEFAULT_MAX_NON_FINITE_SHARE_INCREASE;
        private Correction correction = Correction.BENJAMINI_HOCHBERG;
        private final Map<DriftTest, Double> thresholds = new EnumMap<>(DriftTest.class);
        private final Map<String, DriftTest> columnTests = new HashMap<>();

        private Builder() {
        }

        /**
         * @param rows reference size up to which KS / chi-squared / Z-test are chosen, at least 0
         * @return this builder
         */
        public Builder smallReferenceRows(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("smallReferenceRows must be >= 0, was " + rows);
            }
            this.smallReferenceRows = rows;
            return this;
        }

        /**
         * @param values distinct values up to which a numeric column is tested as categorical, at least 0
         * @return this builder
         */
        public Builder maxDiscreteValues(int values) {
            if (values < 0) {
                throw new IllegalArgumentException("maxDiscreteValues must be >= 0, was " + values);
            }
            this.maxDiscreteValues = values;
            return this;
        }

        /**
         * @param level significance level in (0, 1)
         * @return this builder
         */
        public Builder alpha(double level) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1), was " + level);
            }
            this.alpha = level;
            return this;
        }

        /**
         * @param share share of tested columns in (0, 1] at which the data set drifts
         * @return this builder
         */
        public Builder driftShare(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("driftShare must be in (0, 1], was " + share);
            }
            this.driftShare = share;
            return this;
        }

        /**
         * @param count bins for PSI, Jensen–Shannon and Hellinger on numeric columns, 2 to 1000
         * @return this builder
         */
        public Builder bins(int count) {
            if (count < 2 || count > 1000) {
                throw new IllegalArgumentException("bins must be in [2, 1000], was " + count);
            }
            this.bins = count;
            return this;
        }

        /**
         * The gate on dropped values: NaN and infinities cannot enter a test, so a numeric column whose share of
         * them rises by more than this from the reference to the current data is broken (the data set drifts).
         *
         * @param share a share in [0, 1]; 1 turns the gate off
         * @return this builder
         */
        public Builder maxNonFiniteShareIncrease(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("maxNonFiniteShareIncrease must be in [0, 1], was " + share);
            }
            this.maxNonFiniteShareIncrease = share;
            return this;
        }

        /**
         * @param value the multiple-testing correction
         * @return this builder
         */
        public Builder correction(Correction value) {
            this.correction = Objects.requireNonNull(value, "correction");
            return this;
        }

        /**
         * @param test  a test
         * @param value its minimum effect or distance threshold, finite and &gt;= 0
         * @return this builder
         */
        public Builder threshold(DriftTest test, double value) {
            Objects.requireNonNull(test, "test");
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("threshold for " + test.id() + " must be finite and >= 0, was "
                        + value);
            }
            thresholds.put(test, value);
            return this;
        }

        /**
         * Forces a test for one column instead of the default selection.
         *
         * @param column the column
         * @param test   the test (KS and Wasserstein need a numeric column, Z-test a binary one)
         * @return this builder
         */
        public Builder test(String column, DriftTest test) {
            columnTests.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(test, "test"));
            return this;
        }

        /** @return the options */
        public DriftOptions build() {
            return new DriftOptions(this);
        }
    }
}
