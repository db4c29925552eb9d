package io.github.mlhighway.lifecycle.samples.weather;

/**
 * A labelled example of "rain tomorrow": today's observations and whether it rained the next day.
 *
 * @param today    the day the forecast is made on
 * @param rainNext 1 when the next day's precipitation is positive, else 0
 */
public record Example(WeatherDay today, int rainNext) {
}
