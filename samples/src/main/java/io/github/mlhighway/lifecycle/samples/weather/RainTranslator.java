package io.github.mlhighway.lifecycle.samples.weather;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/** DJL translator of the rain model: one day's observations in, the probability of rain tomorrow out. */
final class RainTranslator implements Translator<WeatherDay, Double> {

    @Override
    public NDList processInput(TranslatorContext ctx, WeatherDay day) {
        return new NDList(ctx.getNDManager().create(RainFeatures.of(day)));
    }

    @Override
    public Double processOutput(TranslatorContext ctx, NDList list) {
        return (double) Activation.sigmoid(list.singletonOrThrow()).toFloatArray()[0];
    }
}
