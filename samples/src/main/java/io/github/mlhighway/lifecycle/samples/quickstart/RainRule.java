package io.github.mlhighway.lifecycle.samples.quickstart;

import io.github.mlhighway.lifecycle.samples.weather.Example;
import io.github.mlhighway.lifecycle.samples.weather.WeatherDay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The samples' small model, so they run in seconds without a deep-learning engine: the chance of rain tomorrow
 * given today's weather category (drizzle, rain, snow, sun, fog) and whether it rained today, counted on the
 * training days with add-one smoothing. A real, if modest, forecaster (Seattle holdout AUC about 0.7).
 *
 * @param probabilities the chance of rain tomorrow per key ({@code category/wet} or {@code category/dry})
 * @param prior         the chance for a key the training days did not have
 */
public record RainRule(Map<String, Double> probabilities, double prior) implements Function<WeatherDay, Double> {

    /** Copies the map. */
    public RainRule {
        probabilities = Map.copyOf(probabilities);
    }

    /**
     * Counts the training days.
     *
     * @param training labelled days
     * @return the rule
     * @throws IllegalArgumentException when there are no training days
     */
    public static RainRule fit(List<Example> training) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("No training days: a rain rule needs at least one labelled day");
        }
        Map<String, int[]> counts = new TreeMap<>();
        int rainy = 0;
        for (Example example : training) {
            int[] c = counts.computeIfAbsent(key(example.today()), k -> new int[2]);
            c[0] += example.rainNext();
            c[1]++;
            rainy += example.rainNext();
        }
        Map<String, Double> probabilities = new TreeMap<>();
        counts.forEach((key, c) -> probabilities.put(key, (c[0] + 1.0) / (c[1] + 2.0)));
        return new RainRule(probabilities, (rainy + 1.0) / (training.size() + 2.0));
    }

    @Override
    public Double apply(WeatherDay today) {
        return probabilities.getOrDefault(key(today), prior);
    }

    /**
     * Writes the rule as text, one {@code key=probability} line per key and a {@code prior=} line.
     *
     * @param file where
     * @return the file
     */
    public Path save(Path file) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(probabilities).forEach((k, p) -> text.append(k).append('=')
                .append(String.format(Locale.ROOT, "%.17g", p)).append('\n'));
        text.append("prior=").append(String.format(Locale.ROOT, "%.17g", prior)).append('\n');
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rain rule to " + file, e);
        }
    }

    /**
     * Reads a rule written by {@link #save}.
     *
     * @param file the file
     * @return the rule
     * @throws IllegalArgumentException when a line is not {@code key=probability} with a probability in [0, 1]
     */
    public static RainRule load(Path file) {
        Map<String, Double> probabilities = new TreeMap<>();
        double prior = Double.NaN;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rain rule " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("=", 2);
            double p;
            try {
                p = parts.length == 2 ? Double.parseDouble(parts[1]) : Double.NaN;
            } catch (NumberFormatException e) {
                p = Double.NaN;
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected key=probability in [0, 1], "
                        + "found '" + lines.get(i) + "'");
            }
            if (parts[0].equals("prior")) {
                prior = p;
            } else {
                probabilities.put(parts[0], p);
            }
        }
        if (Double.isNaN(prior)) {
            throw new IllegalArgumentException(file + ": no prior= line");
        }
        return new RainRule(probabilities, prior);
    }

    private static String key(WeatherDay day) {
        return day.weather() + (day.precipitation() > 0 ? "/wet" : "/dry");
    }
}
