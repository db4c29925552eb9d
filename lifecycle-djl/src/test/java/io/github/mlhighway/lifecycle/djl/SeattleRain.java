package io.github.mlhighway.lifecycle.djl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * "Rain tomorrow" in Seattle from the NOAA weather test resource: features from today's observations, label 1 when
 * the next day's precipitation is positive. Rows dated up to 2014 train, 2015 is the holdout; every feature is
 * standardized with the training rows' mean and standard deviation.
 */
final class SeattleRain {

    static final String[] WEATHER = {"drizzle", "rain", "sun", "snow", "fog"};
    /** The number of features per row: the one-hot weather plus six numeric observations. */
    static final int WIDTH = WEATHER.length + 6;

    final float[][] trainX;
    final float[] trainY;
    final float[][] holdoutX;
    final int[] holdoutY;

    private SeattleRain(float[][] trainX, float[] trainY, float[][] holdoutX, int[] holdoutY) {
        this.trainX = trainX;
        this.trainY = trainY;
        this.holdoutX = holdoutX;
        this.holdoutY = holdoutY;
    }

    static SeattleRain load() {
        record Day(LocalDate date, float[] features, double precipitation) { }
        List<Day> days = new ArrayList<>();
        try (InputStream in = SeattleRain.class.getResourceAsStream("/data/weather.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                String[] f = line.split(",");
                if (!f[0].equals("Seattle")) {
                    continue;
                }
                LocalDate date = LocalDate.parse(f[1]);
                double precipitation = Double.parseDouble(f[2]);
                float[] x = new float[6 + WEATHER.length];
                x[0] = (float) Math.log1p(precipitation);
                x[1] = Float.parseFloat(f[3]);
                x[2] = Float.parseFloat(f[4]);
                x[3] = Float.parseFloat(f[5]);
                double angle = 2 * Math.PI * date.getDayOfYear() / 365.25;
                x[4] = (float) Math.sin(angle);
                x[5] = (float) Math.cos(angle);
                for (int k = 0; k < WEATHER.length; k++) {
                    x[6 + k] = WEATHER[k].equals(f[6]) ? 1f : 0f;
                }
                days.add(new Day(date, x, precipitation));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<float[]> trainX = new ArrayList<>();
        List<Float> trainY = new ArrayList<>();
        List<float[]> holdoutX = new ArrayList<>();
        List<Integer> holdoutY = new ArrayList<>();
        for (int i = 0; i + 1 < days.size(); i++) {
            Day today = days.get(i);
            Day tomorrow = days.get(i + 1);
            if (!tomorrow.date().equals(today.date().plusDays(1))) {
                continue;
            }
            int label = tomorrow.precipitation() > 0 ? 1 : 0;
            if (today.date().getYear() <= 2014) {
                trainX.add(today.features());
                trainY.add((float) label);
            } else {
                holdoutX.add(today.features());
                holdoutY.add(label);
            }
        }
        float[][] tx = trainX.toArray(float[][]::new);
        float[][] hx = holdoutX.toArray(float[][]::new);
        standardize(tx, hx);
        float[] ty = new float[trainY.size()];
        for (int i = 0; i < ty.length; i++) {
            ty[i] = trainY.get(i);
        }
        return new SeattleRain(tx, ty, hx, holdoutY.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void standardize(float[][] train, float[][] holdout) {
        int width = train[0].length;
        for (int j = 0; j < width; j++) {
            double sum = 0;
            double sumSq = 0;
            for (float[] row : train) {
                sum += row[j];
                sumSq += (double) row[j] * row[j];
            }
            double mean = sum / train.length;
            double std = Math.sqrt(Math.max(sumSq / train.length - mean * mean, 0));
            double scale = std > 1e-12 ? std : 1;
            for (float[] row : train) {
                row[j] = (float) ((row[j] - mean) / scale);
            }
            for (float[] row : holdout) {
                row[j] = (float) ((row[j] - mean) / scale);
            }
        }
    }
}
