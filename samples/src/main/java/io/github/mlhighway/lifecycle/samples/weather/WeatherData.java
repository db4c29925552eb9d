package io.github.mlhighway.lifecycle.samples.weather;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.NumericColumn;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.core.data.csv.CsvOptions;
import io.github.mlhighway.lifecycle.core.data.csv.CsvTables;
import com.google.common.hash.Hashing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The weather data set bundled with the samples ({@code /data/weather.csv}, NOAA daily observations 2012–2015 for
 * Seattle and New York; provenance in {@code data/README.md}) and the "rain tomorrow" examples made from it.
 */
public final class WeatherData {

    /** The classpath resource. */
    public static final String RESOURCE = "/data/weather.csv";

    private final Table table;
    private final List<WeatherDay> days;
    private final String sha256;

    private WeatherData(Table table, List<WeatherDay> days, String sha256) {
        this.table = table;
        this.days = List.copyOf(days);
        this.sha256 = sha256;
    }

    /**
     * Reads the bundled CSV.
     *
     * @return the data
     * @throws UncheckedIOException when the resource cannot be read
     */
    public static WeatherData load() {
        try (InputStream in = WeatherData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The sample data " + RESOURCE + " is not on the classpath");
            }
            byte[] bytes = in.readAllBytes();
            Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
            Table table = CsvTables.read(reader, "weather.csv", CsvOptions.defaults());
            return new WeatherData(table, toDays(table), Hashing.sha256().hashBytes(bytes).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** @return the SHA-256 of the CSV file, lowercase hex (for lineage) */
    public String sha256() {
        return sha256;
    }

    /** @return the whole table, as read */
    public Table table() {
        return table;
    }

    /** @return every day, in file order (per city, by date) */
    public List<WeatherDay> days() {
        return days;
    }

    /**
     * @param location the city
     * @param from     first day, inclusive
     * @param to       last day, inclusive
     * @return the city's days in the range, by date
     */
    public List<WeatherDay> days(String location, LocalDate from, LocalDate to) {
        return days.stream().filter(d -> d.location().equals(location)
                && !d.date().isBefore(from) && !d.date().isAfter(to)).toList();
    }

    /**
     * The table rows of one city in a date range, without the location and date columns: what the data gate and
     * the drift reference see.
     *
     * @param location the city
     * @param from     first day, inclusive
     * @param to       last day, inclusive
     * @return the rows
     */
    public Table observations(String location, LocalDate from, LocalDate to) {
        Column locations = table.column("location");
        Column dates = table.column("date");
        return table.filter(row -> location.equals(locations.get(row))
                        && inRange(toDate(dates.get(row)), from, to))
                .drop("location", "date");
    }

    /**
     * "Rain tomorrow" examples: each day of the city with a next day in the data, labelled by the next day's
     * precipitation.
     *
     * @param location the city
     * @param keep     which forecast days to keep
     * @return the examples, by date
     */
    public List<Example> examples(String location, Predicate<LocalDate> keep) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i + 1 < days.size(); i++) {
            WeatherDay today = days.get(i);
            WeatherDay tomorrow = days.get(i + 1);
            if (today.location().equals(location) && tomorrow.location().equals(location)
                    && tomorrow.date().equals(today.date().plusDays(1)) && keep.test(today.date())) {
                examples.add(new Example(today, tomorrow.precipitation() > 0 ? 1 : 0));
            }
        }
        return examples;
    }

    private static boolean inRange(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    private static List<WeatherDay> toDays(Table table) {
        Column location = table.column("location");
        Column date = table.column("date");
        NumericColumn precipitation = (NumericColumn) table.column("precipitation");
        NumericColumn tempMax = (NumericColumn) table.column("temp_max");
        NumericColumn tempMin = (NumericColumn) table.column("temp_min");
        NumericColumn wind = (NumericColumn) table.column("wind");
        Column weather = table.column("weather");
        List<WeatherDay> days = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            days.add(new WeatherDay((String) location.get(row), toDate(date.get(row)),
                    precipitation.getAsDouble(row), tempMax.getAsDouble(row), tempMin.getAsDouble(row),
                    wind.getAsDouble(row), (String) weather.get(row)));
        }
        return days;
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof Instant instant) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        return LocalDate.parse(value.toString());
    }
}
