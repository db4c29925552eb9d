package io.github.mlhighway.lifecycle.samples.weather;

import java.util.List;

/**
 * The model's inputs, computed from one day's observations with fixed scaling (the same for every model, so a
 * champion and a challenger trained on different cities can serve the same request): log precipitation,
 * temperatures and wind centred and scaled by round climatological constants, the season as a point on a circle,
 * and the weather category one-hot.
 */
public final class RainFeatures {

    /** Weather categories, in feature order. */
    public static final List<String> WEATHER = List.of("drizzle", "rain", "sun", "snow", "fog");
    /** Number of features. */
    public static final int WIDTH = 6 + WEATHER.size();

    private RainFeatures() {
    }

    /**
     * @param day the observations
     * @return the feature vector, {@link #WIDTH} values
     */
    public static float[] of(WeatherDay day) {
        float[] x = new float[WIDTH];
        x[0] = (float) (Math.log1p(day.precipitation()) - 0.8);
        x[1] = (float) ((day.tempMax() - 16) / 8);
        x[2] = (float) ((day.tempMin() - 8) / 6);
        x[3] = (float) ((day.wind() - 3.5) / 1.5);
        double angle = 2 * Math.PI * day.date().getDayOfYear() / 365.25;
        x[4] = (float) Math.sin(angle);
        x[5] = (float) Math.cos(angle);
        int category = WEATHER.indexOf(day.weather());
        if (category >= 0) {
            x[6 + category] = 1f;
        }
        return x;
    }

    /**
     * @param examples labelled examples
     * @return their feature rows
     */
    public static float[][] rows(List<Example> examples) {
        return examples.stream().map(e -> of(e.today())).toArray(float[][]::new);
    }

    /**
     * @param examples labelled examples
     * @return their labels as floats (for training)
     */
    public static float[] trainingLabels(List<Example> examples) {
        float[] labels = new float[examples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = examples.get(i).rainNext();
        }
        return labels;
    }

    /**
     * @param examples labelled examples
     * @return their labels (for evaluation)
     */
    public static int[] labels(List<Example> examples) {
        return examples.stream().mapToInt(Example::rainNext).toArray();
    }
}
