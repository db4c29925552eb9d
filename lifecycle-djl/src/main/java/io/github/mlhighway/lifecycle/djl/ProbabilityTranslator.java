package io.github.mlhighway.lifecycle.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The DJL translator for serving a binary classifier trained by {@link DjlTrainer}: a row of features in, the
 * probability of the positive class out (the sigmoid of the model's logit).
 *
 * <p>Both forms of a {@link BatchTranslator}:
 * <ul>
 *   <li><b>One row</b> ({@link #processInput}, {@link #processOutput}): the row as a one-dimensional array, stacked by
 *       DJL's default batchifier, the sigmoid as an {@code NDArray} op.</li>
 *   <li><b>A batch</b> ({@link #batchProcessInput}, {@link #batchProcessOutput}): the rows copied into one
 *       {@code float[rows * width]} and created as one array of shape {@code (rows, width)}; the logits read back
 *       with one {@code toFloatArray()} and the sigmoid computed in Java per row. A single row served by
 *       {@link PredictorPool} or {@link BatchPredictor} is a batch of one.</li>
 * </ul>
 * The two forms agree within a few float ulps (the batched matrix product and the two sigmoids may round
 * differently; {@code MicroBatcherTest} measures it).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ProbabilityTranslator implements BatchTranslator<float[], Float> {

    private final int width;

    /**
     * @param width the number of features per row, positive
     * @throws IllegalArgumentException when the width is not positive
     */
    public ProbabilityTranslator(int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive: " + width);
        }
        this.width = width;
    }

    /** @return the number of features per row */
    public int width() {
        return width;
    }

    /**
     * @param ctx the translator context
     * @param row one row of features
     * @return the row as a one-dimensional array
     * @throws IllegalArgumentException when the row does not have the expected width
     */
    @Override
    public NDList processInput(TranslatorContext ctx, float[] row) {
        checkRow(row, 0);
        return new NDList(ctx.getNDManager().create(row));
    }

    /**
     * @param ctx  the translator context
     * @param list the model output (one logit)
     * @return the probability of the positive class
     */
    @Override
    public Float processOutput(TranslatorContext ctx, NDList list) {
        return Activation.sigmoid(list.singletonOrThrow()).toFloatArray()[0];
    }

    /**
     * One array of shape {@code (rows, width)} from one primitive array.
     *
     * @param ctx  the translator context
     * @param rows the rows, each of {@link #width()} features
     * @return the batch input
     * @throws IllegalArgumentException when a row is null or does not have the expected width (naming its index)
     */
    @Override
    public NDList batchProcessInput(TranslatorContext ctx, List<float[]> rows) {
        int n = rows.size();
        float[] flat = new float[n * width];
        for (int i = 0; i < n; i++) {
            float[] row = rows.get(i);
            checkRow(row, i);
            System.arraycopy(row, 0, flat, i * width, width);
        }
        return new NDList(ctx.getNDManager().create(flat, new Shape(n, width)));
    }

    /**
     * The probabilities from one read of the batch's logits.
     *
     * @param ctx    the translator context
     * @param output the batch's logits, one per row
     * @return one probability per row
     */
    @Override
    public List<Float> batchProcessOutput(TranslatorContext ctx, NDList output) {
        NDArray logits = output.singletonOrThrow();
        float[] values = logits.toFloatArray();
        List<Float> probabilities = new ArrayList<>(values.length);
        for (float logit : values) {
            probabilities.add((float) (1.0 / (1.0 + Math.exp(-logit))));
        }
        return probabilities;
    }

    private void checkRow(float[] row, int index) {
        if (row == null || row.length != width) {
            throw new IllegalArgumentException("expected a row of " + width + " features, got "
                    + (row == null ? "null" : row.length) + (index > 0 ? " (row " + index + " of the batch)" : ""));
        }
    }
}
