package io.github.mlhighway.lifecycle.samples.spring;

import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.samples.spring.WeatherHistory.Observation;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The service's HTTP API: {@code GET /forecast?city=Seattle&date=2015-06-01} forecasts rain for the next day from that
 * day's observation, through the guarded model (routed by the release, measured per version, with a fallback);
 * {@code POST /labels} gives the model what actually happened, which joins the forecast by its request id.
 */
@RestController
public class ForecastController {

    private final GuardedModel<Observation, Double> model;
    private final WeatherHistory history;

    /**
     * The controller.
     *
     * @param model   the guarded model
     * @param history the observations forecasts are made from
     */
    public ForecastController(GuardedModel<Observation, Double> model, WeatherHistory history) {
        this.model = model;
        this.history = history;
    }

    /**
     * Forecasts rain for the day after {@code date}.
     *
     * @param city      Seattle or New York
     * @param date      the day whose observation the forecast is made from
     * @param requestId the id to label the forecast by later; a random one when absent
     * @param user      the routing key (a user keeps their cohort); the request id when absent
     * @return the forecast
     * @throws ResponseStatusException 404 when the data has no such day
     */
    @GetMapping("/forecast")
    public Forecast forecast(@RequestParam String city, @RequestParam LocalDate date,
                             @RequestParam(required = false) String requestId,
                             @RequestParam(required = false) String user) {
        Observation today = history.observation(city, date).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No observation for " + city + " on " + date + " (2012-01-01..2015-12-31)"));
        String id = requestId != null ? requestId : UUID.randomUUID().toString();
        double chance = model.predict(id, user != null ? user : id, today);
        return new Forecast(id, city, date.plusDays(1), chance);
    }

    /**
     * Labels an earlier forecast.
     *
     * @param label the request id and whether it rained
     * @return whether the label joined a forecast still waiting for one
     */
    @PostMapping("/labels")
    public LabelResult label(@RequestBody Label label) {
        return new LabelResult(label.requestId(), model.label(label.requestId(), label.rained()));
    }

    /**
     * A forecast.
     *
     * @param requestId        the id to label it by
     * @param city             the city
     * @param day              the day forecast
     * @param rainProbability  the chance of precipitation on that day
     */
    public record Forecast(String requestId, String city, LocalDate day, double rainProbability) {
    }

    /**
     * What actually happened.
     *
     * @param requestId the forecast's request id
     * @param rained    whether it rained
     */
    public record Label(String requestId, boolean rained) {
    }

    /**
     * The label's fate.
     *
     * @param requestId the request id
     * @param joined    whether it joined a forecast
     */
    public record LabelResult(String requestId, boolean joined) {
    }
}
