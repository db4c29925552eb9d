package io.github.mlhighway.lifecycle.djl;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/** One row of {@link SeattleRain} features in, the probability of rain tomorrow out (batchifier: STACK). */
class RainTranslator implements Translator<float[], Float> {
    @Override
    public NDList processInput(TranslatorContext ctx, float[] row) {
        if (row.length != SeattleRain.WEATHER.length + 6) {
            throw new IllegalArgumentException("expected " + (SeattleRain.WEATHER.length + 6)
                    + " features, got " + row.length);
        }
        return new NDList(ctx.getNDManager().create(row));
    }

    @Override
    public Float processOutput(TranslatorContext ctx, NDList list) {
        return Activation.sigmoid(list.singletonOrThrow()).toFloatArray()[0];
    }
}
