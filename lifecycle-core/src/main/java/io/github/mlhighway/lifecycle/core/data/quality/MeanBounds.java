package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.moment.Mean;

/**
 * The mean of a numeric column's non-null values lies within bounds. NaN values make the mean undefined: FAIL,
 * with their count. Infinite values make the mean infinite (compared as such), or undefined when both signs
 * occur. No value at all is INCONCLUSIVE.
 */
final class MeanBounds implements Constraint {

    private final String column;
    private final Bounds bounds;

    MeanBounds(String column, Bounds bounds) {
        this.column = Objects.requireNonNull(column, "column");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    @Override
    public String check() {
        return "mean(" + column + ")";
    }

    @Override
    public String description() {
        return "the mean of '" + column + "' must be " + bounds.describe();
    }

    @Override
    public Finding evaluate(Table table) {
        Optional<Column> found = Findings.column(table, column);
        if (found.isEmpty()) {
            return Findings.missingColumn(check(), table, column);
        }
        Column values = found.get();
        IntToDoubleFunction numbers = NumericValues.of(values);
        if (numbers == null) {
            return Findings.fail(check(), null, NumericValues.notNumeric(values, "a mean"));
        }
        Mean mean = new Mean();
        long nans = 0;
        long positiveInfinities = 0;
        long negativeInfinities = 0;
        for (int row = 0; row < values.size(); row++) {
            if (values.isNull(row)) {
                continue;
            }
            double value = numbers.applyAsDouble(row);
            if (Double.isNaN(value)) {
                nans++;
            } else if (value == Double.POSITIVE_INFINITY) {
                positiveInfinities++;
            } else if (value == Double.NEGATIVE_INFINITY) {
                negativeInfinities++;
            } else {
                mean.increment(value);
            }
        }
        if (mean.getN() + nans + positiveInfinities + negativeInfinities == 0) {
            return Findings.inconclusive(check(), Findings.noValues(table, values) + "; its mean is undefined");
        }
        if (nans > 0) {
            return Findings.fail(check(), null, "Column '" + column + "' holds " + nans
                    + " NaN values; its mean is undefined");
        }
        if (positiveInfinities > 0 && negativeInfinities > 0) {
            return Findings.fail(check(), null, "Column '" + column + "' holds both Infinity and -Infinity; its"
                    + " mean is undefined");
        }
        double observed = positiveInfinities > 0 ? Double.POSITIVE_INFINITY
                : negativeInfinities > 0 ? Double.NEGATIVE_INFINITY : mean.getResult();
        Outcome outcome = bounds.contains(observed) ? Outcome.PASS : Outcome.FAIL;
        return new Finding(check(), outcome, Findings.finite(observed), bounds.thresholdFor(observed), "The mean of"
                + " '" + column + "' is " + observed + " over " + (mean.getN() + positiveInfinities
                + negativeInfinities) + " values; required: " + bounds.describe());
    }

    @Override
    public String toString() {
        return "MeanBounds[" + column + " " + bounds.describe() + "]";
    }
}
