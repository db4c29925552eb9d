package io.github.mlhighway.lifecycle.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.serving.LabelJudge;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A canary on a real {@link GuardedModel} over simulated days, with traffic every minute and labels joined hours
 * later: the analyses, taken together, count every request and every label exactly once.
 */
class ReleaseAnalysisCoverageTest {

    private static final Duration LABEL_DELAY = Duration.ofHours(6);
    private static final int REQUESTS_PER_MINUTE = 10;

    private final SimClock clock = SimClock.atDefault();
    private final Store store = Stores.inMemory(clock);
    private final SplittableRandom random = new SplittableRandom(7);
    private final ArrayDeque<PendingLabel> pending = new ArrayDeque<>();
    private long served;
    private long joined;
    private int sequence;

    /** A label to join once its time has come. */
    private record PendingLabel(String requestId, Instant due, int actual) {
    }

    private GuardedModel<Integer, Integer> model() {
        return GuardedModel.<Integer, Integer>builder("rain")
                .version("rain@2", x -> 1)
                .version("rain@3", x -> 1)
                .clock(clock)
                .nanoTime(() -> 0L)
                .labels(LabelJudge.equality(), 1_000_000, Duration.ofDays(3))
                .build();
    }

    private ReleaseController open(GuardedModel<Integer, Integer> model) {
        ReleaseController release = ReleaseController.builder(ReleaseConfig.canary("rain-v3", "rain@2", "rain@3")
                .steps(10, 25, 50, 100).interval(Duration.ofDays(1)).minSample(100).build(), store, model, clock)
                .open();
        model.trafficPlan(release.plan());
        return release;
    }

    /** One minute of production: requests, the labels that are due, the clock, and every periodic tick. */
    private void minute(GuardedModel<Integer, Integer> model, ReleaseController release) {
        minute(model, release, REQUESTS_PER_MINUTE);
    }

    private void minute(GuardedModel<Integer, Integer> model, ReleaseController release, int requests) {
        for (int i = 0; i < requests; i++) {
            String id = "req-" + sequence++;
            model.predict(id, "user-" + random.nextInt(10_000), 0);
            served++;
            // 3% of the answers turn out wrong, in both versions alike.
            pending.add(new PendingLabel(id, clock.instant().plus(LABEL_DELAY), random.nextDouble() < 0.03 ? 0 : 1));
        }
        while (!pending.isEmpty() && !pending.peek().due().isAfter(clock.instant())) {
            PendingLabel label = pending.poll();
            if (model.label(label.requestId(), label.actual())) {
                joined++;
            }
        }
        clock.advance(Duration.ofMinutes(1));
        model.slos().tick();
        if (clock.instant().getEpochSecond() % 3600 == 0) {
            model.tick(); // hourly: it scans the stored predictions for expired ones
        }
        release.tick();
    }

    private static List<CohortStats> analysedStats(ReleaseController release) {
        return release.journal().stream().filter(e -> e.type() == ReleaseEventType.ANALYSIS)
                .flatMap(e -> e.stats().stream()).toList();
    }

    @Test
    void everyRequestAndEveryLabelIsCountedInExactlyOneAnalysis() {
        GuardedModel<Integer, Integer> model = model();
        ReleaseController release = open(model);

        int minutes = 0;
        while (!release.state().phase().isTerminal() && minutes < 6 * 24 * 60) {
            minute(model, release);
            minutes++;
        }

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(minutes).isEqualTo(4 * 24 * 60); // one daily analysis per step
        List<CohortStats> analysed = analysedStats(release);
        assertThat(analysed).hasSize(8);
        assertThat(analysed.stream().mapToLong(CohortStats::requests).sum())
                .as("requests over all analyses").isEqualTo(served);
        assertThat(analysed.stream().mapToLong(CohortStats::labelled).sum())
                .as("labels over all analyses").isEqualTo(joined);
        for (String cohort : List.of("baseline", "canary")) {
            CohortStats total = model.totals(cohort).orElseThrow();
            List<CohortStats> ofCohort = analysed.stream().filter(s -> s.cohort().equals(cohort)).toList();
            assertThat(ofCohort.stream().mapToLong(CohortStats::requests).sum()).as(cohort + " requests")
                    .isEqualTo(total.requests());
            assertThat(ofCohort.stream().mapToLong(CohortStats::labelled).sum()).as(cohort + " labels")
                    .isEqualTo(total.labelled());
            assertThat(ofCohort.stream().mapToLong(CohortStats::incorrect).sum()).as(cohort + " incorrect")
                    .isEqualTo(total.incorrect());
        }
        assertThat(analysed).filteredOn(s -> s.cohort().equals("canary")).allSatisfy(s -> {
            assertThat(s.window()).isEqualTo(Duration.ofDays(1));
            assertThat(s.labelled()).as("labels joined in the day of the analysis").isPositive();
        });
        assertThat(release.journal()).filteredOn(e -> e.type() == ReleaseEventType.ANALYSIS)
                .filteredOn(e -> e.stats().get(0).requests() > 0) // at 100% no baseline is left to compare with
                .hasSize(3).allSatisfy(e -> assertThat(e.verdict().findings()).extracting(Finding::check)
                        .contains("incorrect_ratio.vs_baseline"));
    }

    @Test
    void aRestartedServingProcessIsRecognisedEvenWhenItHasCountedMoreThanTheOldOne() {
        GuardedModel<Integer, Integer> first = model();
        ReleaseController release = open(first);
        for (int m = 0; m < 24 * 60; m++) {
            minute(first, release);
        }
        assertThat(release.state().stepIndex()).isEqualTo(1);

        // The process restarts an hour later: a new model (counting from zero) and a controller on the same store.
        clock.advance(Duration.ofHours(1));
        GuardedModel<Integer, Integer> second = model();
        pending.clear();
        ReleaseController resumed = open(second);
        for (int m = 0; m < 23 * 60; m++) {
            // Twice the traffic: by the next analysis the new process has counted more than the old one had.
            minute(second, resumed, 2 * REQUESTS_PER_MINUTE);
        }
        assertThat(resumed.state().stepIndex()).isEqualTo(2);

        JournalEntry analysis = resumed.journal().stream().filter(e -> e.type() == ReleaseEventType.ANALYSIS)
                .reduce((a, b) -> b).orElseThrow();
        Optional<Finding> restart = analysis.verdict().findings().stream()
                .filter(f -> f.check().equals("stats.restart")).findFirst();
        assertThat(restart).hasValueSatisfying(f -> assertThat(f.message())
                .contains("the stats source restarted since the previous analysis")
                .contains("what arrived between the previous analysis and the restart is lost"));
        assertThat(analysis.stats()).extracting(CohortStats::requests).containsExactly(
                second.totals("baseline").orElseThrow().requests(), second.totals("canary").orElseThrow().requests());
    }
}
