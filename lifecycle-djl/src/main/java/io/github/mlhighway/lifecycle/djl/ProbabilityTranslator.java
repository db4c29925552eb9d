package io.github.mlhighway.lifecycle.djl;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * The DJL translator for serving a binary classifier trained by {@link DjlTrainer} one row at a time: a row of
 * features in, the probability of the positive class out (the sigmoid of the model's logit). Use it with a
 * {@link PredictorPool}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProbabilityTranslator implements Translator<float[], Float> {

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

    /**
     * @param ctx the translator context
     * @param row one row of features
     * @return the row as a one-dimensional array
     * @throws IllegalArgumentException when the row does not have the expected width
     */
    @Override
    public NDList processInput(TranslatorContext ctx, float[] row) {
        if (row == null || row.length != width) {
            throw new IllegalArgumentException("expected a row of " + width + " features, got "
                    + (row == null ? "null" : row.length));
        }
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
}
