package io.github.mlhighway.lifecycle.core.data.drift;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The drift result of one column. Numbers are never NaN: an untestable column is {@link
 * DriftStatus#INCONCLUSIVE} with null numbers and a message saying why.
 *
 * <p>A <em>broken</em> column ({@link #broken()}) was comparable in the reference and is not in the current data:
 * it is missing (renamed or dropped), has no usable values (all null, all NaN), changed type (numbers turned to
 * text), or its share of non-finite values (which no test sees) rose by more than {@link
 * DriftOptions#maxNonFiniteShareIncrease()}. A broken column is {@link DriftStatus#DRIFTED} and makes the data set
 * drift, whatever the share of drifted columns: it is never a silent "no drift".
 *
 * @param column             column name
 * @param test               id of the test that measured the effect ({@link DriftTest#id()}), or null when
 *                           inconclusive before a test was chosen
 * @param statistic          the test statistic (D, χ², z, PSI, or the distance)
 * @param pValue             the test's own p-value; null for distance tests, which have none
 * @param effect             the effect size compared with the threshold (measure in {@code effectMeasure})
 * @param effectMeasure      what the effect is, e.g. {@code "cramers_v"} or {@code "wasserstein_over_std"}
 * @param threshold          minimum effect (or distance threshold) for drift
 * @param alpha              significance level
 * @param significanceTest   the test whose p-value decides significance ({@code ks}, {@code chi_squared},
 *                           {@code z_test}): the test itself, or its companion for a distance test
 * @param significancePValue that test's raw p-value
 * @param adjustedPValue     the p-value after the data-set level correction
 * @param fromSketches       whether the numbers come from sketches (approximate) rather than raw values
 * @param status             the decision
 * @param message            one sentence explaining the decision
 * @param errorBound         for an effect computed from sketches, the most it can be off from the effect on the
 *                           raw values (at the sketches' 99% rank-error confidence); a decision whose threshold lies
 *                           within {@code effect ± errorBound} is {@link DriftStatus#INCONCLUSIVE}. 0 from raw
 *                           values; null when nothing was measured
 * @param nonFiniteShare     the share of the current non-null values that are NaN or infinite and so were left out
 *                           of the test; null when not known
 * @param broken             whether the column broke (see above)
 * @since 0.1
 */
public record ColumnDrift(String column, @Nullable String test, @Nullable Double statistic, @Nullable Double pValue,
        @Nullable Double effect,
        @Nullable String effectMeasure, @Nullable Double threshold, @Nullable Double alpha,
        @Nullable String significanceTest, @Nullable Double significancePValue,
        @Nullable Double adjustedPValue, boolean fromSketches, DriftStatus status, String message,
        @Nullable Double errorBound,
        @Nullable Double nonFiniteShare, boolean broken) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a number is NaN or infinite
     */
    public ColumnDrift {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        for (Double value : new Double[] {statistic, pValue, effect, threshold, alpha, significancePValue,
                adjustedPValue, errorBound, nonFiniteShare}) {
            if (value != null && !Double.isFinite(value)) {
                throw new IllegalArgumentException("Column '" + column + "': drift numbers must be finite, got "
                        + value);
            }
        }
    }

    /**
     * A result without an error bound, non-finite share or broken flag (the form before those were reported).
     *
     * @param column             column name
     * @param test               test id, or null
     * @param statistic          the statistic
     * @param pValue             the test's own p-value
     * @param effect             the effect
     * @param effectMeasure      what the effect is
     * @param threshold          minimum effect
     * @param alpha              significance level
     * @param significanceTest   the test deciding significance
     * @param significancePValue its raw p-value
     * @param adjustedPValue     its adjusted p-value
     * @param fromSketches       whether the numbers come from sketches
     * @param status             the decision
     * @param message            one sentence
     */
    public ColumnDrift(String column, @Nullable String test, @Nullable Double statistic, @Nullable Double pValue,
            @Nullable Double effect,
            @Nullable String effectMeasure, @Nullable Double threshold, @Nullable Double alpha,
            @Nullable String significanceTest, @Nullable Double significancePValue,
            @Nullable Double adjustedPValue, boolean fromSketches, DriftStatus status, String message) {
        this(column, test, statistic, pValue, effect, effectMeasure, threshold, alpha, significanceTest,
                significancePValue, adjustedPValue, fromSketches, status, message, null, null, false);
    }

    /** @return true when the column drifted */
    public boolean drifted() {
        return status == DriftStatus.DRIFTED;
    }

    /**
     * An inconclusive result.
     *
     * @param column the column
     * @param reason why it could not be tested
     * @return the result
     */
    static ColumnDrift inconclusive(String column, String reason) {
        return new ColumnDrift(column, null, null, null, null, null, null, null, null, null, null, false,
                DriftStatus.INCONCLUSIVE, reason);
    }

    /**
     * A broken column: comparable in the reference, not in the current data.
     *
     * @param column         the column
     * @param reason         what broke
     * @param nonFiniteShare the current share of non-finite values, or null
     * @return the result, DRIFTED
     */
    static ColumnDrift broken(String column, String reason, @Nullable Double nonFiniteShare) {
        return new ColumnDrift(column, null, null, null, null, null, null, null, null, null, null, false,
                DriftStatus.DRIFTED, reason, null, nonFiniteShare, true);
    }
}
