package io.github.mlhighway.lifecycle.testkit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.release.prometheus.PrometheusCohortStatsSource;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A canary served by two replicas, each exporting its guarded model's SLO counters through Micrometer's Prometheus
 * registry, scraped every second by a real Prometheus server; one release controller reads the fleet's counts from
 * Prometheus. The clock is a test clock the test moves to the wall clock's time before each analysis, because
 * Prometheus stamps its samples with the wall clock; the test waits for scrapes by polling Prometheus.
 */
class PrometheusFleetReleaseTest {

    private static final Duration SCRAPE_WAIT = Duration.ofSeconds(20);

    private static Replica first;
    private static Replica second;
    private static PrometheusServer prometheus;

    private final TestClock clock = TestClock.at(Instant.now());

    @BeforeAll
    static void startFleet() {
        first = Replica.start();
        second = Replica.start();
        prometheus = PrometheusServer.startOrSkip(Duration.ofSeconds(1), List.of(first.target(), second.target()));
        prometheus.await("count(up{job=\"" + PrometheusServer.JOB + "\"} == 1)", v -> v == 2, SCRAPE_WAIT);
    }

    @AfterAll
    static void stopFleet() {
        if (prometheus != null) {
            prometheus.close();
        }
        first.close();
        second.close();
    }

    /** Moves the test clock to the wall clock's time, so queries are evaluated where Prometheus has samples. */
    private void catchUp() {
        Duration behind = Duration.between(clock.instant(), Instant.now());
        if (!behind.isNegative()) {
            clock.advance(behind);
        }
    }

    private GuardedModel<Integer, Integer> model(String name, Function<Integer, Integer> candidate) {
        return GuardedModel.<Integer, Integer>builder(name)
                .version("v1", x -> 1)
                .version("v2", candidate)
                .clock(clock)
                .nanoTime(() -> 0L)
                .build();
    }

    private PrometheusCohortStatsSource source(String model) {
        return PrometheusCohortStatsSource.builder(prometheus.url(), model, clock)
                .matchers("job=\"" + PrometheusServer.JOB + "\"")
                .timeout(Duration.ofSeconds(5)).maxSampleAge(Duration.ofSeconds(15)).silenceWindow(Duration.ofSeconds(5))
                .build();
    }

    private ReleaseController release(String id, PrometheusCohortStatsSource source) {
        return ReleaseController.builder(ReleaseConfig.canary(id, "v1", "v2").steps(50, 100)
                .interval(Duration.ofMinutes(1)).minSample(40).failureLimit(1).build(), Stores.inMemory(clock),
                source, clock).open();
    }

    private static long serve(GuardedModel<Integer, Integer> model, String replica, int requests) {
        for (int i = 0; i < requests; i++) {
            try {
                model.predict(replica + "-" + i, replica + "-user-" + i, i);
            } catch (RuntimeException failed) {
                // counted by the model as an error
            }
        }
        return requests;
    }

    /** Waits until Prometheus's newest scrape of both replicas shows every request of the model's cohorts. */
    private static void awaitScraped(String model, long requests) {
        prometheus.await("sum(lifecycle_slo_events_total{slo=~\"" + model + "\\\\.cohort\\\\..*\\\\.availability\"})",
                v -> v == requests, SCRAPE_WAIT);
    }

    private static long served(GuardedModel<Integer, Integer> model, String cohort) {
        return model.totals(cohort).orElseThrow().requests();
    }

    private static List<JournalEntry> analyses(ReleaseController release) {
        return release.journal().stream().filter(e -> e.type() == ReleaseEventType.ANALYSIS).toList();
    }

    private static long analysed(ReleaseController release, String cohort) {
        return analyses(release).stream().flatMap(e -> e.stats().stream()).filter(s -> s.cohort().equals(cohort))
                .mapToLong(CohortStats::requests).sum();
    }

    @Test
    void aHealthyCandidateServedByTwoReplicasIsPromotedOnTheFleetsCountsExactly() {
        GuardedModel<Integer, Integer> a = model("sun", x -> 1);
        GuardedModel<Integer, Integer> b = model("sun", x -> 1);
        first.serve(a.slos());
        second.serve(b.slos());
        ReleaseController release = release("sun-v2", source("sun")); // opens at step 0: 50% canary
        a.trafficPlan(release.plan());
        b.trafficPlan(release.plan());

        long sent = serve(a, "a", 150) + serve(b, "b", 150);
        awaitScraped("sun", sent);
        catchUp();
        release.advance();

        assertThat(release.state().stepIndex()).as(release.journal().toString()).isEqualTo(1);
        JournalEntry firstAnalysis = analyses(release).get(0);
        assertThat(firstAnalysis.verdict().outcome()).isIn(Outcome.PASS, Outcome.WARN);
        assertThat(firstAnalysis.stats()).extracting(CohortStats::requests).as("baseline, canary over both replicas")
                .containsExactly(served(a, "baseline") + served(b, "baseline"),
                        served(a, "canary") + served(b, "canary"));

        sent += serve(a, "a2", 100) + serve(b, "b2", 100);
        awaitScraped("sun", sent);
        catchUp();
        release.advance();

        assertThat(release.state().phase()).as(release.journal().toString()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(analysed(release, "canary")).as("canary requests over all analyses")
                .isEqualTo(served(a, "canary") + served(b, "canary"));
        assertThat(analysed(release, "baseline") + analysed(release, "canary")).isEqualTo(sent);
    }

    @Test
    void aFailingCandidateServedByTwoReplicasIsRolledBack() {
        AtomicLong calls = new AtomicLong();
        Function<Integer, Integer> flaky = x -> {
            if (calls.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("candidate broke");
            }
            return 1;
        };
        GuardedModel<Integer, Integer> a = model("hail", flaky);
        GuardedModel<Integer, Integer> b = model("hail", flaky);
        first.serve(a.slos());
        second.serve(b.slos());
        ReleaseController release = release("hail-v2", source("hail"));
        a.trafficPlan(release.plan());
        b.trafficPlan(release.plan());

        long sent = serve(a, "a", 150) + serve(b, "b", 150);
        awaitScraped("hail", sent);
        catchUp();
        release.advance();

        assertThat(release.state().phase()).as(release.journal().toString()).isEqualTo(ReleasePhase.ROLLED_BACK);
        JournalEntry analysis = analyses(release).get(0);
        assertThat(analysis.verdict().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(analysis.stats().get(1).errors()).as("canary errors over both replicas")
                .isEqualTo(a.totals("canary").orElseThrow().errors() + b.totals("canary").orElseThrow().errors())
                .isPositive();
        assertThat(release.plan().assign(12345L).version()).isEqualTo("v1");
    }

    @Test
    void aPrometheusWithNoDataForTheCohortIsInconclusiveWithTheMessageNeverAPass() {
        GuardedModel<Integer, Integer> a = model("mist", x -> 1);
        first.serve(a.slos());
        ReleaseController release = release("ghost-v2", source("ghost")); // nothing exports model "ghost"
        a.trafficPlan(release.plan());
        serve(a, "a", 100);
        awaitScraped("mist", 100);
        catchUp();

        release.advance();

        JournalEntry analysis = analyses(release).get(0);
        assertThat(analysis.verdict().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(analysis.verdict().findings()).filteredOn(f -> f.check().equals("stats.gap"))
                .extracting(Finding::message).hasSize(2).allSatisfy(m -> assertThat(m)
                        .startsWith("Prometheus " + prometheus.url() + " answered no data (an empty vector) for cohort")
                        .contains("(query `sum by (slo, outcome) (")
                        .contains("ghost\\\\.cohort\\\\."));
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PAUSED);
    }
}
