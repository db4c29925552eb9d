package io.github.mlhighway.lifecycle.samples.spring;

import io.github.mlhighway.lifecycle.samples.spring.WeatherHistory.Labelled;
import io.github.mlhighway.lifecycle.samples.spring.WeatherHistory.Observation;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * The service's small model, trained at start-up in milliseconds: the chance of rain tomorrow by month and by
 * whether it rained today, counted on the training days with add-one smoothing. Saved as a properties file for the
 * model registry.
 *
 * @param odds chance of rain tomorrow, indexed {@code [month - 1][wet today ? 1 : 0]}
 */
public record SeasonalRainModel(double[][] odds) implements Function<Observation, Double> {

    /**
     * Counts the examples.
     *
     * @param examples labelled days
     * @return the model
     * @throws IllegalArgumentException when there are no examples
     */
    public static SeasonalRainModel train(List<Labelled> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("No training days: the model needs at least one labelled day");
        }
        int[][] rainy = new int[12][2];
        int[][] days = new int[12][2];
        for (Labelled example : examples) {
            int month = example.today().date().getMonthValue() - 1;
            int wet = example.today().precipitation() > 0 ? 1 : 0;
            days[month][wet]++;
            rainy[month][wet] += example.rainTomorrow() ? 1 : 0;
        }
        double[][] odds = new double[12][2];
        for (int month = 0; month < 12; month++) {
            for (int wet = 0; wet < 2; wet++) {
                odds[month][wet] = (rainy[month][wet] + 1.0) / (days[month][wet] + 2.0);
            }
        }
        return new SeasonalRainModel(odds);
    }

    @Override
    public Double apply(Observation today) {
        return odds[today.date().getMonthValue() - 1][today.precipitation() > 0 ? 1 : 0];
    }

    /**
     * Writes the model.
     *
     * @param file where
     * @return the file
     */
    public Path save(Path file) {
        // Written by hand, not with Properties.store (which adds a date): the same model gives the same bytes, so
        // registering it again on a restart finds the registered version.
        StringBuilder text = new StringBuilder("# chance of rain tomorrow by month and today's precipitation\n");
        for (int month = 0; month < 12; month++) {
            text.append(month + 1).append(".dry=").append(odds[month][0]).append('\n');
            text.append(month + 1).append(".wet=").append(odds[month][1]).append('\n');
        }
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the model to " + file, e);
        }
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @param file the file
     * @return the model
     * @throws IllegalArgumentException naming the key when a chance is missing or not in [0, 1]
     */
    public static SeasonalRainModel load(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model " + file, e);
        }
        double[][] odds = new double[12][2];
        for (int month = 0; month < 12; month++) {
            for (int wet = 0; wet < 2; wet++) {
                String key = (month + 1) + (wet == 1 ? ".wet" : ".dry");
                double chance = Double.parseDouble(properties.getProperty(key, "NaN"));
                if (!(chance >= 0 && chance <= 1)) {
                    throw new IllegalArgumentException(file + ": expected " + key + " in [0, 1], found "
                            + properties.getProperty(key));
                }
                odds[month][wet] = chance;
            }
        }
        return new SeasonalRainModel(odds);
    }
}
