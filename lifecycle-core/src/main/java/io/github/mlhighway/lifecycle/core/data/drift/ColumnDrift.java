package io.github.mlhighway.lifecycle.core.data.drift;

import java.util.Objects;

/**
 * The drift result of one column. Numbers are never NaN: an untestable column is {@link
 * DriftStatus#INCONCLUSIVE} with null numbers and a message saying why.
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
 */
public record ColumnDrift(String column, String test, Double statistic, Double pValue, Double effect,
        String effectMeasure, Double threshold, Double alpha, String significanceTest, Double significancePValue,
        Double adjustedPValue, boolean fromSketches, DriftStatus status, String message) {

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
                adjustedPValue}) {
            if (value != null && !Double.isFinite(value)) {
                throw new IllegalArgumentException("Column '" + column + "': drift numbers must be finite, got "
                        + value);
            }
        }
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
}
