package io.github.mlhighway.lifecycle.core.release.prometheus;

import static io.github.mlhighway.lifecycle.core.release.prometheus.FakePrometheus.cohortCounts;
import static io.github.mlhighway.lifecycle.core.release.prometheus.FakePrometheus.isCounts;
import static io.github.mlhighway.lifecycle.core.release.prometheus.FakePrometheus.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.release.prometheus.FakePrometheus.Answer;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A release controller reading its cohorts from a (canned) Prometheus: no data is never a pass. */
class PrometheusReleaseTest {

    private final SimClock clock = SimClock.atDefault();
    private final FakePrometheus prometheus = FakePrometheus.start();

    @AfterEach
    void stop() {
        prometheus.close();
    }

    private ReleaseController open() {
        PrometheusCohortStatsSource source = PrometheusCohortStatsSource.builder(prometheus.url(), "rain", clock)
                .timeout(Duration.ofSeconds(2)).build();
        return ReleaseController.builder(ReleaseConfig.canary("rain-v3", "rain@2", "rain@3").steps(50, 100)
                .interval(Duration.ofMinutes(5)).minSample(50).failureLimit(1).build(), Stores.inMemory(clock),
                source, clock).open();
    }

    private static List<JournalEntry> analyses(ReleaseController release) {
        return release.journal().stream().filter(e -> e.type() == ReleaseEventType.ANALYSIS).toList();
    }

    @Test
    void aPrometheusWithNoDataForTheCohortMakesTheAnalysisInconclusiveWithTheMessage() {
        prometheus.counts(vector());
        ReleaseController release = open();
        clock.advance(Duration.ofMinutes(5));
        release.tick(); // step 0
        clock.advance(Duration.ofMinutes(5));

        release.tick();

        JournalEntry analysis = analyses(release).get(0);
        assertThat(analysis.verdict().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(analysis.verdict().findings()).filteredOn(f -> f.check().equals("stats.gap"))
                .extracting(Finding::message).hasSize(2)
                .allSatisfy(m -> assertThat(m).startsWith("Prometheus " + prometheus.url()
                        + " answered no data (an empty vector) for cohort '").contains("(query `sum by (slo, outcome)"));
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PAUSED);
    }

    @Test
    void anUnreachablePrometheusNeverFailsATickAndNeverPasses() {
        ReleaseController release = open();
        prometheus.close();
        clock.advance(Duration.ofMinutes(5));
        release.tick();
        clock.advance(Duration.ofMinutes(5));

        release.tick();

        JournalEntry analysis = analyses(release).get(0);
        assertThat(analysis.verdict().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(analysis.verdict().findings()).filteredOn(f -> f.check().equals("stats.gap"))
                .extracting(Finding::message).allSatisfy(m -> assertThat(m).contains(" is unreachable"));
    }

    @Test
    void aFailingCandidateCountedByPrometheusIsRolledBackAndAGapDoesNotHideTheFailure() {
        AtomicLong minutes = new AtomicLong();
        prometheus.answering(q -> {
            long n = minutes.get() * 20;
            if (!isCounts(q)) {
                return Answer.ok(q.startsWith("count_over_time(") && q.contains("canary")
                        ? vector(new FakePrometheus.Series(java.util.Map.of("instance", "a:1"), "3")) : vector());
            }
            return Answer.ok(q.contains("canary") ? cohortCounts("canary", n / 2, n / 2, n, 0, 0, 0)
                    : cohortCounts("baseline", n, 0, n, 0, 0, 0));
        });
        ReleaseController release = open();
        for (int i = 0; i < 20 && !release.state().phase().isTerminal(); i++) {
            clock.advance(Duration.ofMinutes(1));
            minutes.incrementAndGet();
            release.tick();
        }

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
        JournalEntry analysis = analyses(release).get(analyses(release).size() - 1);
        assertThat(analysis.verdict().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(analysis.verdict().findings()).extracting(Finding::check).contains("stats.gap");
        assertThat(analysis.stats().get(1).requests()).as("the canary's requests in the analysis").isEqualTo(100);
    }
}
