package io.github.mlhighway.lifecycle.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.data.drift.Correction;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import io.github.mlhighway.lifecycle.core.report.ReportData;
import io.github.mlhighway.lifecycle.core.report.ReportRecorder;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final Instant GENERATED = Instant.parse("2026-01-02T08:00:00Z");

    @TempDir
    static Path temp;

    private static ReportFixture fixture;
    private static String html;
    private static Map<String, String> charts;

    @BeforeAll
    static void renderTheFixtureStore() throws Exception {
        fixture = ReportFixture.populate(temp.resolve("store"));
        Path out = HtmlReport.write(fixture.directory, temp.resolve("out/report.html"),
                TestClock.at(GENERATED));
        html = Files.readString(out);
        charts = Svg.charts(html);
    }

    @Test
    void theHeaderNamesTheStoreTheGenerationTimeAndWhatHappened() {
        assertThat(html).contains(fixture.directory.toAbsolutePath().normalize().toString())
                .contains("generated 2026-01-02 08:00:00 UTC")
                .contains("switched traffic to New York")
                .contains("canary of rain@3 started")
                .contains(ReportFixture.RELEASE + " ROLLED_BACK");
    }

    @Test
    void everySloHasABudgetBurnDownWhosePolylineHasARealPointPerRecordedHour() {
        for (String slo : List.of("forecast.availability", "forecast.latency")) {
            String chart = charts.get("slo-budget-" + slo);
            assertThat(chart).as("budget chart of %s", slo).isNotNull();
            List<double[]> line = Svg.polylines(chart).get(0);
            assertThat(line).hasSize(12);
            assertThat(line).allSatisfy(p -> {
                assertThat(p[0]).isBetween(0.0, (double) SvgCharts.WIDTH);
                assertThat(p[1]).isBetween(0.0, (double) SvgCharts.HEIGHT);
            });
            assertThat(line.get(11)[0]).isGreaterThan(line.get(0)[0]);
            assertThat(chart).contains("class=\"reference\"");
        }
    }

    @Test
    void theBurnedBudgetGoesDownOnTheChart() {
        List<double[]> line = Svg.polylines(charts.get("slo-budget-forecast.availability")).get(0);

        assertThat(line.get(11)[1]).as("SVG y grows downwards").isGreaterThan(line.get(0)[1]);
    }

    @Test
    void theSliChartDrawsTheObjectiveLine() {
        assertThat(charts.get("slo-sli-forecast.availability")).contains("objective 99.0%")
                .contains("class=\"reference\"");
    }

    @Test
    void burnRatesAreDrawnOnceForEveryAlertWindowAndForOneHour() {
        String chart = charts.get("slo-burn-forecast.availability");

        assertThat(Svg.polylines(chart)).hasSize(5).allSatisfy(line -> assertThat(line).hasSize(12));
        assertThat(chart).contains("data-series=\"5m\"").contains("data-series=\"30m\"")
                .contains("data-series=\"1h\"").contains("data-series=\"6h\"").contains("data-series=\"3d\"");
        assertThat(Svg.polylines(charts.get("slo-burn-forecast.latency"))).as("no alert policy: 1h only").hasSize(1);
    }

    @Test
    void driftShowsTheLatestEffectPerColumnAgainstItsThresholdAndTheHistory() {
        String latest = charts.get("drift-latest-serving-traffic");

        assertThat(Svg.count(latest, "<rect class=\"bar")).isEqualTo(2);
        assertThat(latest).contains("<rect class=\"bar flagged\" data-label=\"temperature\"");
        assertThat(Svg.count(latest, "class=\"threshold\"")).isEqualTo(2);
        assertThat(Svg.attribute(latest, "bar flagged", "height")).singleElement()
                .satisfies(h -> assertThat(h).isGreaterThan(10.0));
        assertThat(Svg.polylines(charts.get("drift-history-serving-traffic"))).hasSize(2)
                .allSatisfy(line -> assertThat(line).hasSize(2));
        assertThat(html).contains("<td>station</td>").contains("INCONCLUSIVE");
    }

    @Test
    void everyMetricOfEveryDatasetHasAnErrorBarForChampionAndChallenger() {
        for (String dataset : List.of("seattle-holdout", "new-york-holdout")) {
            for (String metric : List.of("auc", "accuracy")) {
                String chart = charts.get("eval-" + dataset + "-" + metric);
                assertThat(chart).as("%s on %s", metric, dataset).isNotNull();
                assertThat(Svg.count(chart, "<g class=\"error-bar\"")).isEqualTo(2);
                assertThat(chart).contains("data-label=\"champion rain@2\"")
                        .contains("data-label=\"challenger rain@3\"");
                Matcher whisker = Pattern.compile("<g class=\"error-bar\"[^>]*><line x1=\"([-0-9.]+)\" "
                        + "y1=\"([-0-9.]+)\" x2=\"([-0-9.]+)\" y2=\"([-0-9.]+)\"/>").matcher(chart);
                int whiskers = 0;
                while (whisker.find()) {
                    whiskers++;
                    assertThat(Double.parseDouble(whisker.group(2)))
                            .as("the low end is drawn below the high end")
                            .isGreaterThan(Double.parseDouble(whisker.group(4)));
                }
                assertThat(whiskers).isEqualTo(2);
            }
        }
    }

    @Test
    void theCanaryStepsItsWeightAndEndsRolledBack() {
        String chart = charts.get("release-" + ReportFixture.RELEASE);

        List<double[]> step = Svg.polylines(chart).get(0);
        assertThat(step.size()).isGreaterThanOrEqualTo(3);
        assertThat(step.stream().mapToDouble(p -> p[1]).distinct().count()).as("weight changes")
                .isGreaterThanOrEqualTo(2);
        assertThat(chart).contains("class=\"outcome outcome-rolled-back\"").contains(">ROLLED_BACK</text>");
        assertThat(html).contains("<td>ROLLED_BACK</td>");
    }

    @Test
    void theIncidentTimelineMarksOpeningAndClosingAndThePostmortemIsInline() {
        String timeline = charts.get("incident-timeline");

        assertThat(Svg.count(timeline, "<circle class=\"opened\"")).isEqualTo(1);
        assertThat(Svg.count(timeline, "<rect class=\"closed\"")).isEqualTo(1);
        assertThat(Svg.attribute(timeline, "span-bar", "x2").get(0))
                .isGreaterThan(Svg.attribute(timeline, "span-bar", "x1").get(0));
        assertThat(html).contains("<details class=\"postmortem\"").contains("Timeline").contains("Action items")
                .contains(ReportFixture.RELEASE);
    }

    @Test
    void theRegistrySummaryListsVersionsAndAliases() {
        assertThat(html).contains("champion → v2").contains("<td>v3</td>").contains("auc=0.84");
    }

    @Test
    void textFromTheStoreIsEscaped() {
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
                + "&amp; &quot;quotes&quot;");
    }

    @Test
    void thePageReferencesNothingOutsideItself() {
        assertThat(Pattern.compile("(?i)\\b(src|href|xlink:href)\\s*=\\s*\"(?!#)").matcher(html).find())
                .as("every src/href is an in-page anchor").isFalse();
        assertThat(html).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<script")
                .doesNotContain("@import").doesNotContain("url(").doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void sectionsWithNothingRecordedSayNoDataRecordedInsteadOfFailing() {
        String empty = HtmlReport.render(ReportData.empty(), "memory", GENERATED);

        for (String section : List.of("header", "slos", "drift", "evaluations", "releases", "incidents",
                "registry")) {
            Matcher m = Pattern.compile("id=\"" + section + "\".*?</(section|header)>", Pattern.DOTALL)
                    .matcher(empty);
            assertThat(m.find()).as(section).isTrue();
            assertThat(m.group()).as(section).contains(HtmlReport.NO_DATA);
        }
        assertThat(Svg.charts(empty)).isEmpty();
    }

    @Test
    void aDriftedShareRecordedAsNullBecauseItWasNotFiniteShowsAsNotAvailable() {
        Clock clock = TestClock.at(GENERATED);
        Store store = Stores.inMemory(clock);
        ReportRecorder.create(store, clock).recordDrift("serving-traffic", new DriftReport(List.of(), 0, 0,
                Double.NaN, 0.5, Correction.BONFERRONI, 0.05, DriftStatus.INCONCLUSIVE, "no column could be tested"));

        String page = HtmlReport.render(ReportData.read(store), "memory", GENERATED);

        assertThat(page).contains(HtmlReport.NOT_AVAILABLE + " of tested columns drifted (data-set threshold 50.0%)")
                .contains("driftedShare was NaN and is recorded as null")
                .doesNotContain("0.0% of tested columns drifted");
    }

    @Test
    void aDirectoryThatIsNotAStoreIsRefusedWithoutBeingCreated() throws Exception {
        Path missing = temp.resolve("missing");
        Path notAStore = Files.createDirectories(temp.resolve("not-a-store/docs"));
        Files.writeString(notAStore.resolve("x.json"), "{}");

        assertThatThrownBy(() -> HtmlReport.write(missing, temp.resolve("a.html")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> HtmlReport.write(notAStore.getParent(), temp.resolve("b.html")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a lifecycle store");
        assertThat(missing).doesNotExist();
    }
}
