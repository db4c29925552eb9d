package io.github.mlhighway.lifecycle.core.release.prometheus;

import static io.github.mlhighway.lifecycle.core.release.prometheus.FakePrometheus.cohortCounts;
import static io.github.mlhighway.lifecycle.core.release.prometheus.FakePrometheus.isCounts;
import static io.github.mlhighway.lifecycle.core.release.prometheus.FakePrometheus.series;
import static io.github.mlhighway.lifecycle.core.release.prometheus.FakePrometheus.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.release.prometheus.FakePrometheus.Answer;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.release.CohortStats;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Prometheus source against a loopback server answering canned Prometheus JSON. */
class PrometheusCohortStatsSourceTest {

    private final SimClock clock = SimClock.atDefault();
    private final Instant start = clock.instant();
    private final FakePrometheus prometheus = FakePrometheus.start();

    @AfterEach
    void stop() {
        prometheus.close();
    }

    private PrometheusCohortStatsSource.Builder source() {
        return PrometheusCohortStatsSource.builder(prometheus.url(), "rain", clock).timeout(Duration.ofSeconds(2));
    }

    @Test
    void readsTheCohortsCountsSinceCountingBeganFromTheCountsQuery() {
        prometheus.counts(cohortCounts("canary", 90, 10, 95, 5, 8, 2));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));

        CohortStats totals = source.totals("canary").orElseThrow();

        assertThat(totals).isEqualTo(new CohortStats("canary", Duration.ofMinutes(1), 100, 10, 5, 10, 2));
        assertThat(source.gaps(clock.instant())).isEmpty();
        FakePrometheus.Request counts = prometheus.requests().get(0);
        assertThat(counts.query()).isEqualTo(source.countsQuery("canary", clock.instant()))
                .contains("lifecycle_slo_events_total{slo=~\"rain\\\\.cohort\\\\.canary\\\\.(availability|latency"
                        + "|correct)\"}")
                .contains("[60000ms]").contains("offset 60000ms").contains("resets(").contains("increase(");
        assertThat(counts.time()).isEqualTo(clock.instant().getEpochSecond() + ".000");
        assertThat(prometheus.requests()).extracting(FakePrometheus.Request::query)
                .anySatisfy(q -> assertThat(q).startsWith("count_over_time("))
                .anySatisfy(q -> assertThat(q).startsWith("(time() - timestamp("));
    }

    @Test
    void theSloNamesAreTheGuardedModelsOwnEvenForNamesWithCharactersAnSloCannotHold() {
        GuardedModel<Integer, Integer> model = GuardedModel.<Integer, Integer>builder("rain v3/eu")
                .version("a", x -> x).clock(clock).build();
        CohortQueries queries = new CohortQueries("m", "rain v3/eu", "", PrometheusCohortStatsSource.DEFAULT_COUNTS_QUERY);

        assertThat(queries.sloPrefix("canary #2") + "availability")
                .isEqualTo(model.cohortSloName("canary #2", "availability"));
    }

    @Test
    void extraMatchersAndAnotherMetricNameGoIntoTheSelector() {
        prometheus.counts(cohortCounts("canary", 1, 0, 1, 0, 0, 0));
        PrometheusCohortStatsSource source = source().metric("my_events_total").matchers("job=\"rain\", region=\"eu\"")
                .build();
        clock.advance(Duration.ofSeconds(30));

        source.totals("canary");

        assertThat(prometheus.requests().get(0).query())
                .contains("my_events_total{slo=~\"rain\\\\.cohort\\\\.canary\\\\.(availability|latency|correct)\","
                        + " job=\"rain\", region=\"eu\"}");
    }

    @Test
    void nothingIsAskedBeforeCountingHasBegunAndTheTotalsAreZero() {
        PrometheusCohortStatsSource source = source().build();

        assertThat(source.totals("canary")).contains(new CohortStats("canary", Duration.ZERO, 0, 0, 0, 0, 0));
        assertThat(source.gaps(clock.instant())).isEmpty();
        assertThat(prometheus.requests()).isEmpty();
    }

    @Test
    void anEmptyVectorIsAGapNamingTheServerTheCohortAndTheQuery() {
        prometheus.counts(vector());
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));

        CohortStats totals = source.totals("canary").orElseThrow();
        List<String> gaps = source.gaps(clock.instant());

        assertThat(totals.requests()).isZero();
        assertThat(gaps).singleElement().asString()
                .startsWith("Prometheus " + prometheus.url() + " answered no data (an empty vector) for cohort"
                        + " 'canary' (query `sum by (slo, outcome) (")
                .contains("at " + clock.instant() + ")")
                .contains("no replica of model 'rain' has reported this cohort's SLO counters");
    }

    @Test
    void whileReadingsFailTheTotalsStayAtTheLastGoodOnesSoTheNextGoodReadingCoversTheWholeGap() {
        prometheus.counts(cohortCounts("canary", 100, 0, 100, 0, 0, 0));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));
        assertThat(source.totals("canary").orElseThrow().requests()).isEqualTo(100);

        prometheus.counts(vector());
        clock.advance(Duration.ofMinutes(1));
        CohortStats during = source.totals("canary").orElseThrow();
        assertThat(during.requests()).isEqualTo(100);
        assertThat(during.window()).as("still counting since the start: not a restart").isEqualTo(Duration.ofMinutes(2));
        assertThat(source.gaps(clock.instant())).hasSize(1);

        prometheus.counts(cohortCounts("canary", 250, 0, 250, 0, 0, 0));
        clock.advance(Duration.ofMinutes(1));
        assertThat(source.totals("canary").orElseThrow().requests()).isEqualTo(250);
        assertThat(source.gaps(clock.instant())).isEmpty();
    }

    @Test
    void theTotalsNeverGoDownWhenAnEstimateWobbles() {
        prometheus.counts(cohortCounts("canary", 100, 10, 100, 4, 20, 3));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));
        source.totals("canary");

        prometheus.counts(cohortCounts("canary", 97, 9, 99, 5, 19, 4));
        clock.advance(Duration.ofMinutes(1));

        assertThat(source.totals("canary").orElseThrow())
                .isEqualTo(new CohortStats("canary", Duration.ofMinutes(2), 110, 10, 5, 23, 4));
    }

    @Test
    void slowRequestsAreClampedToTheRequestsWhenTheSlosWereScrapedApart() {
        prometheus.counts(cohortCounts("canary", 10, 0, 0, 12, 0, 0));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));

        assertThat(source.totals("canary").orElseThrow().slowRequests()).isEqualTo(10);
    }

    @Test
    void fractionalCountsOfAnIncreaseEstimateAreRounded() {
        String prefix = "rain.cohort.canary.";
        prometheus.counts(vector(series(prefix + "availability", "good", "99.6"),
                series(prefix + "availability", "bad", "0.4"), series(prefix + "latency", "good", "100"),
                series(prefix + "latency", "bad", "0"), series(prefix + "correct", "good", "0"),
                series(prefix + "correct", "bad", "0")));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));

        CohortStats totals = source.totals("canary").orElseThrow();

        assertThat(totals.requests()).isEqualTo(100);
        assertThat(totals.errors()).isZero();
    }

    @Test
    void anSloOfTheCohortWithoutSeriesIsAGap() {
        String prefix = "rain.cohort.canary.";
        prometheus.counts(vector(series(prefix + "availability", "good", "5"),
                series(prefix + "availability", "bad", "0")));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));

        assertThat(source.totals("canary").orElseThrow().requests()).as("incomplete counts are not used").isZero();
        assertThat(source.gaps(clock.instant())).singleElement().asString()
                .contains("answered no series for the SLO(s) [rain.cohort.canary.latency, rain.cohort.canary.correct]")
                .contains("the cohort's counts are incomplete");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NaN    | answered NaN for slo=\"rain.cohort.canary.availability\", outcome=\"bad\"",
            "+Inf   | answered an infinite value (+Inf) for slo=\"rain.cohort.canary.availability\"",
            "-Inf   | answered an infinite value (-Inf)",
            "-3     | answered a negative count (-3); counters only grow, so the counts query is wrong",
            "twelve | answered a value that is not a number ('twelve')"})
    void aValueThatIsNotACountIsAGap(String value, String message) {
        String prefix = "rain.cohort.canary.";
        prometheus.counts(vector(series(prefix + "availability", "good", "5"),
                series(prefix + "availability", "bad", value), series(prefix + "latency", "good", "5"),
                series(prefix + "latency", "bad", "0"), series(prefix + "correct", "good", "0"),
                series(prefix + "correct", "bad", "0")));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));

        assertThat(source.totals("canary").orElseThrow().requests()).isZero();
        assertThat(source.gaps(clock.instant())).singleElement().asString().contains(message)
                .contains("for cohort 'canary' (query `");
    }

    @Test
    void aQueryErrorIsAGapWithPrometheussOwnMessage() {
        prometheus.answering(q -> new Answer(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
                + "\"error\":\"1:5: parse error: unexpected character\"}", 0));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));

        source.totals("canary");

        assertThat(source.gaps(clock.instant())).singleElement().asString()
                .startsWith("Prometheus " + prometheus.url() + " answered HTTP 400 with error bad_data: 1:5: parse"
                        + " error: unexpected character for cohort 'canary' (query `sum by");
        assertThat(prometheus.requests()).as("no liveness queries after a failed counts query").hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<html>Bad gateway</html>                                  | answered something that is not Prometheus JSON: '<html>Bad gateway</html>'",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}} | answered a result of type 'matrix', expected an instant vector",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\"}}         | answered a vector without a result array",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,2]}]}} | answered a series that is not {metric, value: [time, \"number\"]}",
            "{\"status\":\"warning\"}                                     | answered status 'warning' instead of 'success'"})
    void anAnswerThatIsNotAPrometheusVectorIsAGap(String body, String message) {
        prometheus.answering(q -> Answer.ok(body));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));

        source.totals("canary");

        assertThat(source.gaps(clock.instant())).singleElement().asString().contains(message);
    }

    @Test
    void anHttpErrorWithoutPrometheusJsonIsAGap() {
        prometheus.answering(q -> new Answer(503, "Service Unavailable", 0));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));

        source.totals("canary");

        assertThat(source.gaps(clock.instant())).singleElement().asString()
                .contains("answered HTTP 503: 'Service Unavailable' for cohort 'canary'");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsAGap() {
        prometheus.answering(q -> new Answer(200, vector(), 3_000));
        PrometheusCohortStatsSource source = source().timeout(Duration.ofMillis(200)).build();
        clock.advance(Duration.ofMinutes(1));

        source.totals("canary");

        assertThat(source.gaps(clock.instant())).singleElement().asString()
                .contains(" did not answer within PT0.2S for cohort 'canary' (query `");
    }

    @Test
    void anUnreachableServerIsAGap() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        PrometheusCohortStatsSource source = PrometheusCohortStatsSource.builder(nowhere, "rain", clock).build();
        clock.advance(Duration.ofMinutes(1));

        assertThat(source.totals("canary").orElseThrow().requests()).isZero();
        assertThat(source.gaps(clock.instant())).singleElement().asString()
                .startsWith("Prometheus " + nowhere + " is unreachable").contains("for cohort 'canary' (query `");
    }

    @Test
    void aReplicaThatStoppedReportingIsAGapNamingIt() {
        String counts = cohortCounts("canary", 100, 0, 100, 0, 0, 0);
        prometheus.answering(q -> Answer.ok(isCounts(q) ? counts : q.startsWith("count_over_time(")
                ? vector(new FakePrometheus.Series(Map.of("slo", "rain.cohort.canary.availability", "outcome", "good",
                "instance", "10.0.0.7:8080", "job", "rain"), "12")) : vector()));
        PrometheusCohortStatsSource source = source().silenceWindow(Duration.ofMinutes(10)).build();
        clock.advance(Duration.ofMinutes(1));

        assertThat(source.totals("canary").orElseThrow().requests()).as("what was counted still counts")
                .isEqualTo(100);
        assertThat(source.gaps(clock.instant())).singleElement().asString()
                .contains("has no current sample from 1 replica(s) that reported in the last PT10M"
                        + " [{instance=10.0.0.7:8080, job=rain}] for cohort 'canary' (query `count_over_time(")
                .contains("[600000ms]) unless lifecycle_slo_events_total{")
                .contains("they stopped reporting or are no longer scraped");
    }

    @Test
    void aSampleOlderThanTheMaximumAgeIsAGap() {
        String counts = cohortCounts("canary", 100, 0, 100, 0, 0, 0);
        prometheus.answering(q -> Answer.ok(isCounts(q) ? counts : q.startsWith("(time() - timestamp(")
                ? vector(new FakePrometheus.Series(Map.of("instance", "10.0.0.8:8080", "slo", "x", "outcome", "bad"),
                "200")) : vector()));
        PrometheusCohortStatsSource source = source().maxSampleAge(Duration.ofSeconds(90)).build();
        clock.advance(Duration.ofMinutes(1));

        source.totals("canary");

        assertThat(source.gaps(clock.instant())).singleElement().asString()
                .contains("holds samples older than PT1M30S as the newest of 1 replica(s) [{instance=10.0.0.8:8080}]")
                .contains("> 90.0` at");
    }

    @Test
    void gapsReadACohortAgainWhenItsLatestReadingIsOlderThanAsked() {
        prometheus.counts(cohortCounts("canary", 1, 0, 1, 0, 0, 0));
        PrometheusCohortStatsSource source = source().build();
        clock.advance(Duration.ofMinutes(1));
        source.totals("canary");
        assertThat(source.gaps(clock.instant())).isEmpty();

        prometheus.counts(vector());
        clock.advance(Duration.ofMinutes(1));

        assertThat(source.gaps(clock.instant())).singleElement().asString().contains("answered no data");
    }

    @Test
    void theBearerTokenIsSentButNeverShown() {
        prometheus.answering(q -> new Answer(401, "{\"status\":\"error\",\"errorType\":\"auth\",\"error\":\"token"
                + " s3cr3t-t0ken is expired\"}", 0));
        PrometheusCohortStatsSource source = source().bearerToken("s3cr3t-t0ken").build();
        clock.advance(Duration.ofMinutes(1));

        source.totals("canary");

        assertThat(prometheus.requests().get(0).authorization()).isEqualTo("Bearer s3cr3t-t0ken");
        assertThat(source.gaps(clock.instant())).singleElement().asString()
                .contains("token <token> is expired").doesNotContain("s3cr3t");
        assertThat(source.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void theWindowedStatsAreAnIncreaseOverTheWindow() {
        prometheus.counts(cohortCounts("canary", 40, 2, 41, 1, 0, 0));
        prometheus.answering(q -> Answer.ok(q.startsWith("sum by (slo, outcome) (increase(")
                ? cohortCounts("canary", 40, 2, 41, 1, 0, 0) : vector()));
        PrometheusCohortStatsSource source = source().build();

        assertThat(source.stats("canary", Duration.ofMinutes(5)))
                .isEqualTo(new CohortStats("canary", Duration.ofMinutes(5), 42, 2, 1, 0, 0));
        assertThat(prometheus.requests().get(0).query()).endsWith("[300000ms]))");
    }

    @Test
    void aCustomCountsQueryIsFilledIn() {
        prometheus.counts(cohortCounts("canary", 3, 0, 3, 0, 0, 0));
        PrometheusCohortStatsSource source = source()
                .countsQuery("sum by (slo, outcome) (increase(${selector}[${range}]))").build();
        clock.advance(Duration.ofSeconds(10));

        assertThat(source.totals("canary").orElseThrow().requests()).isEqualTo(3);
        assertThat(prometheus.requests().get(0).query()).endsWith("(availability|latency|correct)\"}[10000ms]))");
    }

    @Test
    void aCountsQueryThatDropsTheSloOrOutcomeLabelIsAGap() {
        prometheus.answering(q -> Answer.ok(q.startsWith("sum(") ? vector(new FakePrometheus.Series(Map.of(), "12"))
                : vector()));
        PrometheusCohortStatsSource source = source().countsQuery("sum(increase(${selector}[${range}]))").build();
        clock.advance(Duration.ofSeconds(10));

        source.totals("canary");

        assertThat(source.gaps(clock.instant())).singleElement().asString()
                .contains("answered a series without the slo and outcome labels, {} (the counts query must keep them");
    }

    @Test
    void theBuilderRefusesBadArgumentsSayingWhich() {
        URI url = prometheus.url();
        assertThatThrownBy(() -> PrometheusCohortStatsSource.builder(URI.create("prometheus:9090"), "rain", clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> PrometheusCohortStatsSource.builder(URI.create("http://u:pw@host:9090"), "rain",
                clock)).hasMessageContaining("must not hold user info").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> PrometheusCohortStatsSource.builder(URI.create("http://host:9090/?x=1"), "rain",
                clock)).hasMessageContaining("must not have a query");
        assertThatThrownBy(() -> PrometheusCohortStatsSource.builder(url, " ", clock))
                .hasMessage("model must not be blank");
        PrometheusCohortStatsSource.Builder builder = PrometheusCohortStatsSource.builder(url, "rain", clock);
        assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).hasMessage("timeout must be positive, not PT0S");
        assertThatThrownBy(() -> builder.maxSampleAge(Duration.ofSeconds(-1)))
                .hasMessage("maxSampleAge must be positive, not PT-1S");
        assertThatThrownBy(() -> builder.silenceWindow(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.metric("lifecycle-events")).hasMessageContaining("Prometheus metric name");
        assertThatThrownBy(() -> builder.matchers("{job=\"x\"}")).hasMessageContaining("without braces");
        assertThatThrownBy(() -> builder.countsQuery("sum(${selector})")).hasMessageContaining("must hold both");
        assertThatThrownBy(() -> builder.bearerToken("has space")).hasMessageContaining("printable ASCII")
                .hasMessageNotContaining("has space");
    }
}
