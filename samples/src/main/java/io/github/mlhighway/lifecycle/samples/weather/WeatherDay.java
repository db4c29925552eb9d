package io.github.mlhighway.lifecycle.samples.weather;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One day of NOAA observations for one city (a row of {@code weather.csv}).
 *
 * @param location      "Seattle" or "New York"
 * @param date          the day
 * @param precipitation precipitation in mm
 * @param tempMax       maximum temperature in °C
 * @param tempMin       minimum temperature in °C
 * @param wind          mean wind speed in m/s
 * @param weather       drizzle, rain, snow, sun or fog
 */
public record WeatherDay(String location, LocalDate date, double precipitation, double tempMax, double tempMin,
                         double wind, String weather) {

    /** @return the observations as a row whose column names match the CSV (what the drift monitor profiles) */
    public Map<String, Object> observations() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("precipitation", precipitation);
        row.put("temp_max", tempMax);
        row.put("temp_min", tempMin);
        row.put("wind", wind);
        row.put("weather", weather);
        return row;
    }
}
