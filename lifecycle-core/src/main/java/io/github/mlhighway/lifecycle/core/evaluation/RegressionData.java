package io.github.mlhighway.lifecycle.core.evaluation;

import io.github.mlhighway.lifecycle.evaluation.Task;

/**
 * Actual values with one model's predictions. Immutable; the arrays are copied.
 *
 * @since 0.1
 */
public final class RegressionData implements EvaluationData {

    private final double[] actual;
    private final double[] predicted;

    private RegressionData(double[] actual, double[] predicted) {
        this.actual = actual;
        this.predicted = predicted;
    }

    /**
     * Validates and copies actual and predicted values.
     *
     * @param actual    true values
     * @param predicted predictions
     * @return the data
     * @throws IllegalArgumentException naming the row, for a NaN or infinite value, or arrays of different lengths
     */
    public static RegressionData of(double[] actual, double[] predicted) {
        return of(actual, predicted, "predicted");
    }

    /**
     * Validates and copies actual and predicted values, calling the predictions {@code name} in error messages.
     *
     * @param actual    true values
     * @param predicted predictions
     * @param name      what to call the predictions in messages, e.g. {@code "challenger"}
     * @return the data
     * @throws IllegalArgumentException as for {@link #of(double[], double[])}
     */
    public static RegressionData of(double[] actual, double[] predicted, String name) {
        double[] a = InputChecks.finite("actual", actual);
        double[] p = InputChecks.finite(name, predicted);
        InputChecks.sameLength("actual", a.length, name, p.length);
        return new RegressionData(a, p);
    }

    /**
     * The same actual values with another model's predictions, for a paired comparison.
     *
     * @param predictions the other model's predictions
     * @param name        how to call the array in error messages, e.g. {@code "champion"}
     * @return data sharing these actual values
     * @throws IllegalArgumentException as for {@link #of(double[], double[])}
     */
    public RegressionData withPredictions(double[] predictions, String name) {
        double[] p = InputChecks.finite(name, predictions);
        InputChecks.sameLength("actual", actual.length, name, p.length);
        return new RegressionData(actual, p);
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public int rows() {
        return actual.length;
    }

    @Override
    public int stratum(int row) {
        return 0;
    }

    @Override
    public int strata() {
        return 1;
    }

    /**
     * @param row row index
     * @return the actual value
     */
    public double actual(int row) {
        return actual[row];
    }

    /**
     * @param row row index
     * @return the predicted value
     */
    public double predicted(int row) {
        return predicted[row];
    }
}
