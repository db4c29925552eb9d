package io.github.mlhighway.lifecycle.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.slo.prometheus.PrometheusRules;
import io.github.mlhighway.lifecycle.samples.spring.WeatherHistory.Observation;
import io.github.mlhighway.lifecycle.slo.Indicator;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on a random loopback port, called over real HTTP. */
@AutoConfigureObservability(tracing = false) // metrics export (Prometheus) is off in tests without it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "lifecycle.tick-interval=1h"}) // the test ticks by hand
class WeatherServiceHttpTest {

    private static final Path STORE = temporaryStore();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Lifecycle lifecycle;

    @Autowired
    GuardedModel<Observation, Double> rainModel;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("lifecycle.store.location", STORE::toString);
    }

    private static Path temporaryStore() {
        try {
            return Files.createTempDirectory("weather-service-store-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aForecastIsServedAndItsLabelJoinsIt() throws Exception {
        HttpResponse<String> forecast = get("/forecast?city=Seattle&date=2015-06-01&requestId=r-1&user=u-1");
        assertThat(forecast.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(forecast.body());
        assertThat(body.get("requestId").asText()).isEqualTo("r-1");
        assertThat(body.get("day").asText()).isEqualTo("2015-06-02");
        assertThat(body.get("rainProbability").asDouble()).isBetween(0.0, 1.0);

        HttpResponse<String> label = post("/labels", "{\"requestId\": \"r-1\", \"rained\": false}");
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(label.body()).get("joined").asBoolean()).isTrue();
        assertThat(JSON.readTree(post("/labels", "{\"requestId\": \"r-1\", \"rained\": false}").body())
                .get("joined").asBoolean()).as("a label joins once").isFalse();
    }

    @Test
    void aDayTheDataDoesNotHaveIsA404AndCountsAgainstNoBudget() throws Exception {
        long bad = lifecycle.slos().tracker("forecast-availability").badEventsRecorded();
        assertThat(get("/forecast?city=Seattle&date=2030-01-01").statusCode()).isEqualTo(404);
        assertThat(lifecycle.slos().tracker("forecast-availability").badEventsRecorded()).isEqualTo(bad);
    }

    @Test
    void theLifecycleEndpointShowsSlosReleasesIncidentsAndAliases() throws Exception {
        long good = lifecycle.slos().tracker("forecast-availability").goodEventsRecorded();
        for (int i = 0; i < 5; i++) {
            assertThat(get("/forecast?city=Seattle&date=2015-06-0" + (i + 1)).statusCode()).isEqualTo(200);
        }
        assertThat(lifecycle.slos().tracker("forecast-availability").goodEventsRecorded())
                .as("the request handler recorded every forecast from Spring's observations").isEqualTo(good + 5);

        HttpResponse<String> response = get("/actuator/lifecycle");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        JsonNode availability = find(report.get("slos"), "name", "forecast-availability");
        assertThat(availability.get("objective").asDouble()).isEqualTo(0.999);
        assertThat(availability.get("sli").asDouble()).isEqualTo(1.0);
        assertThat(availability.get("budgetRemaining").asDouble()).isEqualTo(1.0);
        assertThat(availability.get("burnRates").has("1h")).isTrue();
        assertThat(availability.get("alertsFiring")).isEmpty();
        assertThat(find(report.get("slos"), "name", "forecast-latency").get("objective").asDouble())
                .isEqualTo(0.99);
        JsonNode release = find(report.get("releases"), "id", ForecastConfiguration.RELEASE);
        assertThat(release.get("strategy").asText()).isEqualTo("CANARY");
        assertThat(release.get("steps").toString()).isEqualTo("[10,50,100]");
        assertThat(release.get("weights").get("rain@1").asInt() + release.get("weights").get("rain@2").asInt())
                .isEqualTo(100);
        assertThat(report.get("incidents").isArray()).isTrue();
        assertThat(report.get("aliases").get("rain").get("champion").asInt()).isEqualTo(1);
    }

    @Test
    void anOperatorPausesAndResumesTheReleaseThroughTheEndpoint() throws Exception {
        String path = "/actuator/lifecycle/" + ForecastConfiguration.RELEASE;
        HttpResponse<String> paused = post(path, "{\"action\": \"pause\", \"reason\": \"checking a dashboard\"}");
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(paused.body()).get("phase").asText()).isEqualTo("PAUSED");
        assertThat(JSON.readTree(get(path).body()).get("reason").asText()).contains("checking a dashboard");

        HttpResponse<String> resumed = post(path, "{\"action\": \"resume\"}");
        assertThat(JSON.readTree(resumed.body()).get("phase").asText()).isEqualTo("PROGRESSING");

        HttpResponse<String> early = post(path, "{\"action\": \"approve\"}");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("only a release in AWAITING_APPROVAL can be approved");
        assertThat(post(path, "{\"action\": \"promote\"}").statusCode()).isEqualTo(400);
        assertThat(post("/actuator/lifecycle/no-such-release", "{\"action\": \"abort\"}").statusCode())
                .isEqualTo(400);
        assertThat(get("/actuator/lifecycle/no-such-release").statusCode()).isEqualTo(404);
    }

    @Test
    void theHealthIndicatorReportsPageAlerts() throws Exception {
        HttpResponse<String> health = get("/actuator/health/lifecycle");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asText()).as("page alerts are reported, not failed, by default")
                .isEqualTo("UP");
        assertThat(body.get("details").get("pageAlerts").isArray()).isTrue();
        assertThat(body.get("details").get("pageAlertsMake").asText()).isEqualTo("UP (reported only)");
    }

    @Test
    void prometheusScrapesTheSloMetersUnderTheNamesTheRulesRead() throws Exception {
        assertThat(get("/forecast?city=Seattle&date=2015-07-01").statusCode()).isEqualTo(200);
        lifecycle.tick(); // binds the meters of SLOs registered since the last tick

        HttpResponse<String> scrape = get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        String metrics = scrape.body();
        assertThat(metrics).contains(
                "lifecycle_slo_budget_remaining_ratio{application=\"weather-service\",slo=\"forecast-availability\"}",
                "lifecycle_slo_objective_ratio{application=\"weather-service\",slo=\"forecast-latency\"} 0.99",
                "lifecycle_slo_burn_rate{application=\"weather-service\",slo=\"forecast-availability\",window=\"5m\"}",
                "lifecycle_slo_alert_firing{application=\"weather-service\",severity=\"page\",slo="
                        + "\"forecast-availability\",tier=\"page-1h\"} 0.0");
        assertThat(metrics).containsPattern("lifecycle_slo_events_total\\{application=\"weather-service\","
                + "outcome=\"good\",slo=\"forecast-availability\"} [1-9]");
        assertThat(metrics).as("the per-version SLOs of the guarded model are exported too")
                .contains("slo=\"" + rainModel.versionSloName("rain@1", "availability") + "\"");

        Slo availability = lifecycle.slos().tracker("forecast-availability").slo();
        String rules = new PrometheusRules().yaml(List.of(availability));
        assertThat(rules).contains("sloth_slo: \"forecast-availability\"");
        Indicator.Ratio ratio = (Indicator.Ratio) availability.indicator();
        for (String query : List.of(ratio.counted().query(), ratio.total().query())) {
            Matcher metric = Pattern.compile("([a-z_]+)\\{slo=\"([^\"]+)\"").matcher(query);
            assertThat(metric.find()).as(query).isTrue();
            assertThat(metrics).as("the rules' query %s reads a series the service exports", query)
                    .containsPattern(Pattern.quote(metric.group(1)) + "\\{[^}]*slo=\"" + metric.group(2) + "\"");
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("No element with " + field + "=" + value + " in " + array);
    }
}
