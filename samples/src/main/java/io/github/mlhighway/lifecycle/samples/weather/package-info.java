/**
 * The weather story: Lifecycle's whole loop on real NOAA data (train on Seattle with DJL, gate, register, serve in
 * simulated time with SLOs, drift to New York, incident, retrain, champion gate, canary, postmortem and report).
 * Run it with {@link io.github.mlhighway.lifecycle.samples.weather.WeatherStory}.
 */
package io.github.mlhighway.lifecycle.samples.weather;
