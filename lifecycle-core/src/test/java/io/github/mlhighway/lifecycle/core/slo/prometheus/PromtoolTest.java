package io.github.mlhighway.lifecycle.core.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.slo.Slo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Prometheus's own {@code promtool} on generated rules: the syntax check, and unit tests with input series
 * (scraped every minute, rules evaluated every minute). Skipped when {@code promtool} is not on the PATH.
 */
class PromtoolTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePromtool() {
        boolean available;
        try {
            available = new ProcessBuilder("promtool", "--version").redirectErrorStream(true).start()
                    .waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        RequiredTool.require(available, "Skipped: promtool is not on the PATH (install it, e.g. "
                + "apt-get install -y prometheus, to run the Prometheus rule tests)");
    }

    private String promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool %s%n%s", command, output).isZero();
        return output;
    }

    private void writeRules() throws IOException {
        Files.writeString(dir.resolve("rules.yml"), new PrometheusRules().yaml(List.of(PrometheusRulesTest.availability())));
    }

    @Test
    void promtoolAcceptsTheGeneratedRules() throws Exception {
        writeRules();

        assertThat(promtool("check", "rules", "rules.yml")).contains("SUCCESS: 15 rules found");
    }

    @Test
    void promtoolAcceptsTheCommentedRulesOfATimeslicesSlo() throws Exception {
        Slo slices = PrometheusRulesTest.availability().toBuilder().timeslices(Duration.ofMinutes(1), 0.9).build();
        Files.writeString(dir.resolve("rules.yml"), new PrometheusRules().yaml(List.of(slices)));

        assertThat(promtool("check", "rules", "rules.yml")).contains("SUCCESS: 15 rules found");
    }

    @Test
    void aTotalOutageFiresTheFastPageWithinMinutesAndHalfTheBudgetRateFiresNothing() throws Exception {
        writeRules();
        Files.writeString(dir.resolve("tests.yml"), """
                rule_files:
                  - rules.yml
                evaluation_interval: 1m
                tests:
                  # Two healthy hours at 60 requests a minute, then every request fails from minute 120.
                  - interval: 1m
                    input_series:
                      - series: 'http_requests_total{job="shop",code="200"}'
                        values: '0+60x120 7200x60'
                      - series: 'http_requests_total{job="shop",code="500"}'
                        values: '0x120 60+60x59'
                    alert_rule_test:
                      - eval_time: 119m
                        alertname: AvailabilityBurnRatePage
                        exp_alerts: []
                      - eval_time: 123m
                        alertname: AvailabilityBurnRatePage
                        exp_alerts:
                          - exp_labels:
                              severity: page
                              sloth_severity: page
                              sloth_window: 5m
                              sloth_id: shop-availability
                              sloth_service: shop
                              sloth_slo: availability
                            exp_annotations:
                              summary: shop availability SLO error budget burn rate is over expected.
                              title: (page) shop availability SLO error budget burn rate is too fast.
                  # A steady 0.5x burn: 1 failed request in 2000, half of what a 99.9% objective allows.
                  - interval: 1m
                    input_series:
                      - series: 'http_requests_total{job="shop",code="200"}'
                        values: '0+1999x600'
                      - series: 'http_requests_total{job="shop",code="500"}'
                        values: '0+1x600'
                    alert_rule_test:
                      - eval_time: 10m
                        alertname: AvailabilityBurnRatePage
                        exp_alerts: []
                      - eval_time: 5h
                        alertname: AvailabilityBurnRatePage
                        exp_alerts: []
                      - eval_time: 10h
                        alertname: AvailabilityBurnRatePage
                        exp_alerts: []
                      - eval_time: 10h
                        alertname: AvailabilityBurnRateTicket
                        exp_alerts: []
                    promql_expr_test:
                      - expr: round(slo:current_burn_rate:ratio, 0.001)
                        eval_time: 10h
                        exp_samples:
                          - labels: '{sloth_id="shop-availability", sloth_service="shop", sloth_slo="availability", sloth_window="5m"}'
                            value: 0.5
                """);

        assertThat(promtool("test", "rules", "tests.yml")).contains("SUCCESS");
    }

    /** One request a minute, failing from minute 121 on: a burst of errors on a service with little traffic. */
    private static final String LOW_TRAFFIC_SERIES = """
                  - interval: 1m
                    input_series:
                      - series: 'http_requests_total{job="shop",code="200"}'
                        values: '0+1x140'
                      - series: 'http_requests_total{job="shop",code="500"}'
                        values: '0x120 1+1x20'
                    alert_rule_test:
                      - eval_time: 127m
                        alertname: AvailabilityBurnRatePage
                """;

    private static final String PAGE = """
                        exp_alerts:
                          - exp_labels:
                              severity: page
                              sloth_severity: page
                              sloth_window: 5m
                              sloth_id: shop-availability
                              sloth_service: shop
                              sloth_slo: availability
                            exp_annotations:
                              summary: shop availability SLO error budget burn rate is over expected.
                              title: (page) shop availability SLO error budget burn rate is too fast.
                """;

    private String testRules(Slo slo, String tests) throws Exception {
        Files.writeString(dir.resolve("rules.yml"), new PrometheusRules().yaml(List.of(slo)));
        Files.writeString(dir.resolve("tests.yml"), "rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n"
                + tests);
        return promtool("test", "rules", "tests.yml");
    }

    @Test
    void withoutTheMinimumEventsGuardAFewErrorsOnALowTrafficServicePage() throws Exception {
        assertThat(testRules(PrometheusRulesTest.availability(), LOW_TRAFFIC_SERIES + PAGE)).contains("SUCCESS");
    }

    @Test
    void theMinimumEventsGuardKeepsAFewErrorsOnALowTrafficServiceFromPaging() throws Exception {
        Slo guarded = PrometheusRulesTest.availability().toBuilder()
                .alerting(PrometheusRulesTest.availability().alerting().withMinimumEvents(1000)).build();

        String output = testRules(guarded, LOW_TRAFFIC_SERIES + """
                        exp_alerts: []
                      - eval_time: 127m
                        alertname: AvailabilityBurnRateTicket
                        exp_alerts: []
                    promql_expr_test:
                      - expr: round(slo:sli_events:count1h)
                        eval_time: 127m
                        exp_samples:
                          - labels: '{sloth_id="shop-availability", sloth_service="shop", sloth_slo="availability", sloth_window="1h"}'
                            value: 67
                """);

        assertThat(output).contains("SUCCESS");
    }

    @Test
    void theMinimumEventsGuardStillPagesWhenTheServiceHasTraffic() throws Exception {
        Slo guarded = PrometheusRulesTest.availability().toBuilder()
                .alerting(PrometheusRulesTest.availability().alerting().withMinimumEvents(100)).build();

        String output = testRules(guarded, """
                  - interval: 1m
                    input_series:
                      - series: 'http_requests_total{job="shop",code="200"}'
                        values: '0+60x120 7200x60'
                      - series: 'http_requests_total{job="shop",code="500"}'
                        values: '0x120 60+60x59'
                    alert_rule_test:
                      - eval_time: 123m
                        alertname: AvailabilityBurnRatePage
                """ + PAGE);

        assertThat(output).contains("SUCCESS");
    }

    @Test
    void withTheAlertNoDataPolicyNoDataRaisesANoDataAlertAndTrafficSilencesIt() throws Exception {
        Slo noData = PrometheusRulesTest.availability().toBuilder()
                .alerting(PrometheusRulesTest.availability().alerting().withNoData(
                        io.github.mlhighway.lifecycle.slo.NoDataPolicy.ALERT)).build();

        String output = testRules(noData, """
                  # No series at all: the metrics are gone.
                  - interval: 1m
                    input_series: []
                    alert_rule_test:
                      - eval_time: 10m
                        alertname: AvailabilityNoDataPage
                        exp_alerts:
                          - exp_labels:
                              severity: page
                              sloth_severity: page
                              sloth_id: shop-availability
                              sloth_service: shop
                              sloth_slo: availability
                            exp_annotations:
                              summary: shop availability SLO has no events over 1h.
                              title: (page) shop availability SLO has no data.
                      - eval_time: 10m
                        alertname: AvailabilityBurnRatePage
                        exp_alerts: []
                  # The counters exist but nothing happens for two hours.
                  - interval: 1m
                    input_series:
                      - series: 'http_requests_total{job="shop",code="200"}'
                        values: '5x120'
                      - series: 'http_requests_total{job="shop",code="500"}'
                        values: '0x120'
                    alert_rule_test:
                      - eval_time: 120m
                        alertname: AvailabilityNoDataPage
                        exp_alerts:
                          - exp_labels:
                              severity: page
                              sloth_severity: page
                              sloth_window: 1h
                              sloth_id: shop-availability
                              sloth_service: shop
                              sloth_slo: availability
                            exp_annotations:
                              summary: shop availability SLO has no events over 1h.
                              title: (page) shop availability SLO has no data.
                  # Healthy traffic: no no-data alert.
                  - interval: 1m
                    input_series:
                      - series: 'http_requests_total{job="shop",code="200"}'
                        values: '0+60x120'
                      - series: 'http_requests_total{job="shop",code="500"}'
                        values: '0x120'
                    alert_rule_test:
                      - eval_time: 120m
                        alertname: AvailabilityNoDataPage
                        exp_alerts: []
                """);

        assertThat(output).contains("SUCCESS");
    }

    @Test
    void withTheDefaultGuardsTheRulesAreSlothsWithoutEventCounts() throws Exception {
        writeRules();

        assertThat(Files.readString(dir.resolve("rules.yml"))).doesNotContain("slo:sli_events", "NoData");
    }

    @Test
    void anSloBuiltInCodeWithALineBreakInItsServiceGivesRulesPromtoolAccepts() throws Exception {
        Slo broken = PrometheusRulesTest.availability().toBuilder().service("shop\nevil").build();
        Files.writeString(dir.resolve("rules.yml"), new PrometheusRules().yaml(List.of(broken)));

        assertThat(promtool("check", "rules", "rules.yml")).contains("SUCCESS");
    }
}
