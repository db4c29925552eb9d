package io.github.mlhighway.lifecycle.samples.spring;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.NumericColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.csv.CsvOptions;
import io.github.mlhighway.lifecycle.core.data.csv.CsvTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bundled NOAA daily weather ({@code /data/weather.csv}: Seattle and New York, 2012–2015), read with core's CSV
 * reader, by city and date.
 */
public final class WeatherHistory {

    /** The classpath resource. */
    public static final String RESOURCE = "/data/weather.csv";

    private final Map<String, TreeMap<LocalDate, Observation>> byCity;

    private WeatherHistory(Map<String, TreeMap<LocalDate, Observation>> byCity) {
        this.byCity = byCity;
    }

    /**
     * Reads the bundled CSV.
     *
     * @return the history
     * @throws IllegalStateException when the resource is missing
     */
    public static WeatherHistory load() {
        try (InputStream in = WeatherHistory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The sample data " + RESOURCE + " is not on the classpath");
            }
            Table table = CsvTables.read(new InputStreamReader(in, StandardCharsets.UTF_8), "weather.csv",
                    CsvOptions.defaults());
            Column city = table.column("location");
            Column date = table.column("date");
            NumericColumn precipitation = (NumericColumn) table.column("precipitation");
            Column weather = table.column("weather");
            Map<String, TreeMap<LocalDate, Observation>> byCity = new TreeMap<>();
            for (int row = 0; row < table.rowCount(); row++) {
                Observation observation = new Observation((String) city.get(row), toDate(date.get(row)),
                        precipitation.getAsDouble(row), (String) weather.get(row));
                byCity.computeIfAbsent(observation.city(), c -> new TreeMap<>()).put(observation.date(),
                        observation);
            }
            return new WeatherHistory(byCity);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * One day's observation.
     *
     * @param city the city
     * @param date the day
     * @return the observation, if the data has it
     */
    public Optional<Observation> observation(String city, LocalDate date) {
        TreeMap<LocalDate, Observation> days = byCity.get(city);
        return days == null ? Optional.empty() : Optional.ofNullable(days.get(date));
    }

    /**
     * Labelled examples of a city up to a day: each observation with whether it rained the next day.
     *
     * @param city  the city
     * @param until the last forecast day, inclusive
     * @return the examples, by date
     */
    public List<Labelled> examples(String city, LocalDate until) {
        List<Labelled> examples = new ArrayList<>();
        TreeMap<LocalDate, Observation> days = byCity.getOrDefault(city, new TreeMap<>());
        for (Observation today : days.headMap(until, true).values()) {
            Observation tomorrow = days.get(today.date().plusDays(1));
            if (tomorrow != null) {
                examples.add(new Labelled(today, tomorrow.precipitation() > 0));
            }
        }
        return examples;
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Instant instant ? LocalDate.ofInstant(instant, ZoneOffset.UTC)
                : LocalDate.parse(value.toString());
    }

    /**
     * A day of weather in a city.
     *
     * @param city          Seattle or New York
     * @param date          the day
     * @param precipitation precipitation in mm
     * @param weather       drizzle, rain, snow, sun or fog
     */
    public record Observation(String city, LocalDate date, double precipitation, String weather) {
    }

    /**
     * An observation and whether it rained the next day.
     *
     * @param today        the observation
     * @param rainTomorrow whether the next day had precipitation
     */
    public record Labelled(Observation today, boolean rainTomorrow) {
    }
}
