package io.github.mlhighway.lifecycle.core.evaluation;

import io.github.mlhighway.lifecycle.evaluation.Task;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Binary labels (0/1) with one model's predicted probability of class 1, plus the rows ordered by descending
 * probability (computed once, reused by every resample). Immutable; the arrays are copied.
 *
 * @since 0.1
 */
public final class BinaryData implements EvaluationData {

    private final boolean[] positive;
    private final double[] probability;
    private final int[] descending;

    private BinaryData(boolean[] positive, double[] probability) {
        this.positive = positive;
        this.probability = probability;
        this.descending = IntStream.range(0, probability.length).boxed()
                .sorted(Comparator.comparingDouble((Integer row) -> probability[row]).reversed())
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Validates and copies labels and probabilities.
     *
     * @param labels        0 or 1 per row
     * @param probabilities predicted probability of class 1 per row, in [0, 1]
     * @return the data
     * @throws IllegalArgumentException naming the row, for a label other than 0/1, a NaN or infinite probability,
     *                                  a probability outside [0, 1], or arrays of different lengths
     */
    public static BinaryData of(int[] labels, double[] probabilities) {
        return of(labels, probabilities, "probabilities");
    }

    /**
     * Validates and copies labels and probabilities, calling the probabilities {@code name} in error messages.
     *
     * @param labels        0 or 1 per row
     * @param probabilities predicted probability of class 1 per row, in [0, 1]
     * @param name          what to call the probabilities in messages, e.g. {@code "challenger"}
     * @return the data
     * @throws IllegalArgumentException as for {@link #of(int[], double[])}
     */
    public static BinaryData of(int[] labels, double[] probabilities, String name) {
        boolean[] positive = InputChecks.binaryLabels("labels", labels);
        double[] copy = InputChecks.probabilities(name, probabilities);
        InputChecks.sameLength("labels", positive.length, name, copy.length);
        return new BinaryData(positive, copy);
    }

    /**
     * The same labels with another model's probabilities, for a paired comparison.
     *
     * @param probabilities the other model's probabilities
     * @param name          how to call the array in error messages, e.g. {@code "champion"}
     * @return data sharing these labels
     * @throws IllegalArgumentException as for {@link #of(int[], double[])}
     */
    public BinaryData withProbabilities(double[] probabilities, String name) {
        double[] copy = InputChecks.probabilities(name, probabilities);
        InputChecks.sameLength("labels", positive.length, name, copy.length);
        return new BinaryData(positive, copy);
    }

    @Override
    public Task task() {
        return Task.BINARY_CLASSIFICATION;
    }

    @Override
    public int rows() {
        return positive.length;
    }

    @Override
    public int stratum(int row) {
        return positive[row] ? 1 : 0;
    }

    @Override
    public int strata() {
        return 2;
    }

    /**
     * @param row row index
     * @return whether the row's label is 1
     */
    public boolean positive(int row) {
        return positive[row];
    }

    /**
     * @param row row index
     * @return the predicted probability of class 1
     */
    public double probability(int row) {
        return probability[row];
    }

    /** Row indexes by descending probability; shared, never modified. */
    int[] descendingOrder() {
        return descending;
    }
}
