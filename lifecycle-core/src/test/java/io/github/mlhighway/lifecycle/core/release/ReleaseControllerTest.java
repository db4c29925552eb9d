package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.policy.BudgetCondition;
import io.github.mlhighway.lifecycle.core.policy.ErrorBudgetPolicy;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.policy.Action;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.ReleaseEvent;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseControllerTest {

    private static final int REQUESTS_PER_MINUTE = 10_000;

    private final SimClock clock = SimClock.atDefault();
    private final FlakyStore store = new FlakyStore(Stores.inMemory(clock));
    private final SimulatedTraffic traffic = new SimulatedTraffic(clock, 42, "shadow")
            .errorRate("rain@2", 0.01).errorRate("rain@3", 0.01);
    private final List<ReleaseEvent> events = new ArrayList<>();

    private ReleaseConfig.Builder canary() {
        return ReleaseConfig.canary("rain-v3", "rain@2", "rain@3");
    }

    private ReleaseController open(ReleaseConfig config) {
        return ReleaseController.builder(config, store, traffic, clock).listener(events::add).open();
    }

    private ReleaseState minute(ReleaseController release) {
        traffic.serve(release.plan(), REQUESTS_PER_MINUTE);
        clock.advance(Duration.ofMinutes(1));
        return release.tick();
    }

    private int minutesUntilOver(ReleaseController release, int max) {
        for (int m = 1; m <= max; m++) {
            if (minute(release).phase().isTerminal()) {
                return m;
            }
        }
        return -1;
    }

    private static int candidateShare(ReleaseController release) {
        return ((ReleaseTrafficPlan) release.plan()).candidateWeight();
    }

    @Test
    void aCanaryWithThreeTimesTheBaselineErrorRateIsRolledBackWithinMinutes() {
        traffic.errorRate("rain@3", 0.03);
        ReleaseController release = open(canary().build());

        int minutes = minutesUntilOver(release, 30);

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
        assertThat(minutes).as("rolled back after %d minutes", minutes).isBetween(2, 4);
        assertThat(release.state().stepIndex()).isZero();
        assertThat(release.plan().assign(1L).version()).isEqualTo("rain@2");
        assertThat(release.state().reason()).contains("failure limit is 2").contains("error_ratio.vs_baseline");
        JournalEntry rollback = release.journal().get(release.journal().size() - 1);
        assertThat(rollback.type()).isEqualTo(ReleaseEventType.ROLLED_BACK);
        assertThat(rollback.verdict().findings()).anyMatch(f -> f.check().equals("error_ratio.vs_baseline")
                && f.outcome() == Outcome.FAIL);
        assertThat(events).extracting(ReleaseEvent::type).endsWith(ReleaseEventType.ROLLED_BACK);
    }

    @Test
    void aHealthyCanaryIsPromotedThroughEveryStep() {
        ReleaseController release = open(canary().build());

        int minutes = minutesUntilOver(release, 30);

        assertThat(minutes).isEqualTo(4);
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(release.plan().assign(123L).version()).isEqualTo("rain@3");
        assertThat(events).filteredOn(e -> e.type() == ReleaseEventType.STEP_ADVANCED)
                .extracting(ReleaseEvent::candidateWeight).containsExactly(5, 25, 50, 100);
        assertThat(events).extracting(ReleaseEvent::type).endsWith(ReleaseEventType.PROMOTED);
        assertThat(release.journal()).filteredOn(e -> e.type() == ReleaseEventType.ANALYSIS).hasSize(4)
                .allSatisfy(e -> assertThat(e.stats()).extracting(CohortStats::cohort)
                        .containsExactly("baseline", "canary"));
    }

    @Test
    void noDataHaltsTheReleaseUntilResumed() {
        ReleaseController release = open(canary().build());
        traffic.silence();
        clock.advance(Duration.ofMinutes(1));

        release.tick();

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PAUSED);
        assertThat(release.state().reason()).contains("no data").contains("'canary'");
        assertThat(candidateShare(release)).isEqualTo(5);
        minute(release);
        minute(release);
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PAUSED);
        assertThat(release.state().stepIndex()).isZero();

        release.resume();
        assertThat(minutesUntilOver(release, 10)).isPositive();
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
    }

    @Test
    void tooLittleDataIsInconclusiveAndPausesAtTheLimit() {
        ReleaseController release = open(canary().minSample(5_000).inconclusiveLimit(2).build());

        minute(release);
        assertThat(release.state().inconclusives()).isEqualTo(1);
        minute(release);

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PAUSED);
        assertThat(release.state().reason()).contains("2 inconclusive analyses").contains("sample.candidate");
    }

    @Test
    void anExhaustedErrorBudgetFreezesPromotionWithoutRollingBack() {
        SloTracker availability = SloTracker.create(Slo.ratio("availability").objective(0.99)
                .rollingWindow(Duration.ofDays(30)).build(), clock);
        ErrorBudgetPolicy policy = ErrorBudgetPolicy.builder("releases", clock).watch(availability)
                .rule("budget-exhausted", BudgetCondition.exhausted(), Action.FREEZE_RELEASES).build();
        ReleaseController release = ReleaseController.builder(canary().build(), store, traffic, clock)
                .policy(policy::decide).listener(events::add).open();
        availability.record(900, 1000);
        availability.tick();

        for (int m = 0; m < 5; m++) {
            minute(release);
        }

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.FROZEN);
        assertThat(release.state().stepIndex()).isZero();
        assertThat(candidateShare(release)).isEqualTo(5);
        assertThat(release.state().reason()).contains("error budget exhausted");
        JournalEntry frozen = release.journal().stream().filter(e -> e.type() == ReleaseEventType.FROZEN)
                .findFirst().orElseThrow();
        assertThat(frozen.policy().blocksChange()).isTrue();
        assertThat(events).extracting(ReleaseEvent::type).containsOnlyOnce(ReleaseEventType.FROZEN)
                .doesNotContain(ReleaseEventType.ROLLED_BACK);
    }

    @Test
    void aFrozenReleaseMovesOnWhenThePolicyAllowsAgain() {
        boolean[] frozen = {true};
        ErrorBudgetPolicy allow = ErrorBudgetPolicy.builder("allow", clock).watch(SloTracker.create(
                Slo.ratio("a").objective(0.99).build(), clock)).rule("never", new BudgetCondition("never", s -> false),
                Action.FREEZE_RELEASES).build();
        SloTracker spent = SloTracker.create(Slo.ratio("spent").objective(0.99).build(), clock);
        spent.record(0, 100);
        spent.tick();
        ErrorBudgetPolicy freeze = ErrorBudgetPolicy.builder("freeze", clock).watch(spent)
                .rule("budget-exhausted", BudgetCondition.exhausted(), Action.FREEZE_RELEASES).build();
        ReleaseController release = ReleaseController.builder(canary().build(), store, traffic, clock)
                .policy(change -> frozen[0] ? freeze.decide(change) : allow.decide(change)).open();
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.FROZEN);
        assertThat(release.state().stepIndex()).isEqualTo(-1);
        assertThat(candidateShare(release)).isZero();

        frozen[0] = false;
        minute(release);

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROGRESSING);
        assertThat(candidateShare(release)).isEqualTo(5);
    }

    @Test
    void aPageAlertOnTheCanarySloRollsBack() {
        traffic.errorRate("rain@3", 0.2);
        SloTracker canarySlo = SloTracker.create(Slo.ratio("canary-availability").objective(0.99)
                .rollingWindow(Duration.ofDays(30)).build(), clock);
        ReleaseController release = ReleaseController.builder(canary().failureLimit(100).maxErrorRatio(1.0)
                        .comparison(100, 1.0).build(), store, traffic, clock)
                .candidateAlerts(canarySlo::alerts).listener(events::add).open();

        for (int m = 0; m < 30 && !release.state().phase().isTerminal(); m++) {
            traffic.serve(release.plan(), REQUESTS_PER_MINUTE);
            CohortStats canary = traffic.stats("canary", Duration.ofMinutes(1));
            canarySlo.record(canary.requests() - canary.errors(), canary.requests());
            clock.advance(Duration.ofMinutes(1));
            canarySlo.tick();
            release.tick();
        }

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
        assertThat(release.state().reason()).contains("page alert").contains("canary-availability");
        assertThat(release.plan().assign(7L).version()).isEqualTo("rain@2");
    }

    @Test
    void aCandidatePagingAMinuteAfterTheDailyAnalysisIsRolledBackOnThatTickNotADayLater() {
        SloTracker canarySlo = SloTracker.create(Slo.ratio("canary-availability").objective(0.99)
                .rollingWindow(Duration.ofDays(30)).build(), clock);
        ReleaseController release = ReleaseController.builder(canary().interval(Duration.ofDays(1)).build(), store,
                traffic, clock).candidateAlerts(canarySlo::alerts).listener(events::add).open();
        traffic.serve(release.plan(), REQUESTS_PER_MINUTE);
        canarySlo.record(0, 500); // at 00:00-00:01 every canary call fails
        clock.advance(Duration.ofMinutes(1));
        canarySlo.tick();

        release.tick(); // 00:01, the analysis is due at 00:00 tomorrow

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
        assertThat(release.plan().assign(7L).version()).isEqualTo("rain@2");
        JournalEntry rollback = release.journal().get(release.journal().size() - 1);
        assertThat(rollback.type()).isEqualTo(ReleaseEventType.ROLLED_BACK);
        assertThat(rollback.at()).isEqualTo(clock.instant());
        assertThat(rollback.message()).contains("page alert on the candidate's SLO 'canary-availability'");
        assertThat(rollback.verdict().findings()).anyMatch(f -> f.check().equals("alert.canary-availability")
                && f.outcome() == Outcome.FAIL);
        assertThat(rollback.stats()).extracting(CohortStats::requests).containsExactly(
                traffic.stats("baseline", Duration.ofMinutes(1)).requests(),
                traffic.stats("canary", Duration.ofMinutes(1)).requests());
        assertThat(events).extracting(ReleaseEvent::type).endsWith(ReleaseEventType.ROLLED_BACK);
    }

    @Test
    void theFirstAnalysisAtEachStepWaitsForTheLabelDelayAndSaysSo() {
        ReleaseController release = open(canary().steps(10, 100).interval(Duration.ofHours(1))
                .labelDelay(Duration.ofHours(6)).build());
        java.time.Instant start = clock.instant();

        minutesUntilOver(release, 13 * 60);

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        List<JournalEntry> analyses = release.journal().stream()
                .filter(e -> e.type() == ReleaseEventType.ANALYSIS).toList();
        assertThat(analyses).extracting(JournalEntry::at)
                .containsExactly(start.plus(Duration.ofHours(6)), start.plus(Duration.ofHours(12)));
        assertThat(analyses).allSatisfy(e -> assertThat(e.verdict().findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("labels.delay");
            assertThat(f.message()).contains("waited the label delay PT6H", "covers PT6H since the step began");
        }));
    }

    @Test
    void aSourceWithAGapMakesAHealthyAnalysisInconclusiveNotAPass() {
        AtomicBoolean silentReplica = new AtomicBoolean(true);
        CohortStatsSource withGap = new CohortStatsSource() {
            @Override
            public CohortStats stats(String cohort, Duration window) {
                return traffic.stats(cohort, window);
            }

            @Override
            public Optional<CohortStats> totals(String cohort) {
                return traffic.totals(cohort);
            }

            @Override
            public List<String> gaps(Instant asOf) {
                return silentReplica.get() ? List.of("replica 'b' served traffic but has not reported since " + asOf)
                        : List.of();
            }
        };
        ReleaseController release = ReleaseController.builder(canary().inconclusiveLimit(3).build(), store, withGap,
                clock).open();

        minute(release);
        minute(release);

        assertThat(release.state().stepIndex()).as("no step while a replica is silent").isZero();
        assertThat(release.state().inconclusives()).isEqualTo(2);
        JournalEntry analysis = release.journal().stream().filter(e -> e.type() == ReleaseEventType.ANALYSIS)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(analysis.verdict().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(analysis.verdict().findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo("stats.gap");
            assertThat(f.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(f.message()).contains("replica 'b'");
        });

        silentReplica.set(false);
        minute(release);
        assertThat(release.state().stepIndex()).as("the next complete analysis passes").isEqualTo(1);
    }

    @Test
    void aSourceWithoutTotalsIsReadByWindowsAndTheVerdictSaysSo() {
        ReleaseController release = ReleaseController.builder(canary().build(), store,
                (cohort, window) -> traffic.stats(cohort, window), clock).open();

        minute(release);

        JournalEntry analysis = release.journal().stream().filter(e -> e.type() == ReleaseEventType.ANALYSIS)
                .findFirst().orElseThrow();
        assertThat(analysis.verdict().findings()).anySatisfy(f -> assertThat(f.message())
                .contains("the stats source keeps no totals", "can miss events"));
        assertThat(release.state().mark()).isNull();
        assertThat(release.state().stepIndex()).isEqualTo(1);
    }

    @Test
    void blueGreenSwitchesAtOnceAndRollsBackWithinItsWindow() {
        ReleaseController release = open(ReleaseConfig.blueGreen("rain-bg", "rain@2", "rain@3")
                .rollbackWindow(Duration.ofMinutes(10)).build());
        assertThat(candidateShare(release)).isEqualTo(100);

        minute(release);
        minute(release);
        traffic.errorRate("rain@3", 0.2);
        minute(release);

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
        assertThat(release.state().reason()).contains("error_ratio.absolute");
        assertThat(release.plan().assign(99L).version()).isEqualTo("rain@2");
    }

    @Test
    void blueGreenIsPromotedWhenItsWindowCloses() {
        ReleaseController release = open(ReleaseConfig.blueGreen("rain-bg", "rain@2", "rain@3")
                .rollbackWindow(Duration.ofMinutes(10)).build());

        assertThat(minutesUntilOver(release, 30)).isEqualTo(10);
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
    }

    @Test
    void anAbTestEndsWithASignificanceDecision() {
        traffic.errorRate("rain@2", 0.02).errorRate("rain@3", 0.01);
        ReleaseController release = open(ReleaseConfig.abTest("rain-ab", "rain@2", "rain@3")
                .analysesPerStep(30).build());

        assertThat(minutesUntilOver(release, 60)).isEqualTo(30);

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(release.journal()).anyMatch(e -> e.verdict() != null && e.verdict().findings().stream()
                .anyMatch(f -> f.check().equals("ab.error_ratio") && f.message().contains("B is significantly better")));
    }

    @Test
    void anAbTestWithoutADifferenceKeepsTheBaseline() {
        ReleaseController release = open(ReleaseConfig.abTest("rain-ab", "rain@2", "rain@3")
                .analysesPerStep(10).build());

        minutesUntilOver(release, 20);

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
        assertThat(release.state().reason()).contains("no significant difference, keep A");
    }

    @Test
    void aShadowMirrorsTrafficAndIsPromotedAfterEnoughSuccessfulAnalyses() {
        ReleaseController release = open(ReleaseConfig.shadow("rain-shadow", "rain@2", "rain@3")
                .mirrorRate(0.2).analysesPerStep(3).build());
        assertThat(release.plan().shadowVersion()).isEqualTo("rain@3");
        assertThat(release.plan().shadowSampleRate()).isEqualTo(0.2);
        assertThat(release.plan().assign(5L).version()).isEqualTo("rain@2");

        assertThat(minutesUntilOver(release, 10)).isEqualTo(3);
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(release.plan().shadowVersion()).isNull();
    }

    @Test
    void aRestartedControllerResumesAtTheSameStep() {
        ReleaseConfig config = canary().build();
        ReleaseController first = open(config);
        minute(first);
        minute(first);
        assertThat(first.state().stepIndex()).isEqualTo(2);

        ReleaseController second = open(config);

        assertThat(second.state()).isEqualTo(first.state());
        assertThat(candidateShare(second)).isEqualTo(50);
        assertThat(second.journal()).isEqualTo(first.journal());
        assertThat(ReleaseJournal.read(store, "rain-v3").orElseThrow().entries()).hasSize(first.journal().size());
        assertThat(minutesUntilOver(second, 10)).isEqualTo(2);
        assertThat(second.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
    }

    @Test
    void aJournalOfAnotherReleaseUnderTheSameIdIsRefused() {
        open(canary().build());

        assertThatThrownBy(() -> open(ReleaseConfig.canary("rain-v3", "rain@2", "rain@4").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rain@2 -> rain@3");
    }

    @Test
    void anUnwritableStoreAtAStepChangeLeavesStateAndPlanUnchanged() {
        ReleaseController release = open(canary().build());
        ReleaseState before = release.state();
        int journalSize = release.journal().size();
        traffic.serve(release.plan(), REQUESTS_PER_MINUTE);
        clock.advance(Duration.ofMinutes(1));
        store.failing(true);

        assertThatThrownBy(release::tick).isInstanceOf(ReleaseJournalException.class)
                .hasMessageContaining("Release 'rain-v3' could not journal step change 0 -> 1 (5% -> 25%)")
                .hasMessageContaining("nothing changed").hasMessageContaining("read-only file system");

        assertThat(release.state()).isEqualTo(before);
        assertThat(candidateShare(release)).isEqualTo(5);
        assertThat(release.journal()).hasSize(journalSize);
        assertThat(ReleaseJournal.read(store, "rain-v3").orElseThrow().state()).isEqualTo(before);

        store.failing(false);
        release.tick();
        assertThat(release.state().stepIndex()).isEqualTo(1);
        assertThat(candidateShare(release)).isEqualTo(25);
    }

    @Test
    void manualGatesPauseResumeAbortAndApprove() {
        boolean[] approved = {false};
        ReleaseController release = ReleaseController.builder(canary().steps(10, 50).build(), store, traffic, clock)
                .approval(state -> approved[0]).listener(events::add).open();

        release.pause("investigating a customer report");
        minute(release);
        assertThat(release.state().stepIndex()).isZero();
        release.resume();
        minute(release);
        minute(release);
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.AWAITING_APPROVAL);
        assertThat(candidateShare(release)).isEqualTo(50);

        approved[0] = true;
        minute(release);
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(events).extracting(ReleaseEvent::type).contains(ReleaseEventType.PAUSED, ReleaseEventType.RESUMED,
                ReleaseEventType.AWAITING_APPROVAL, ReleaseEventType.PROMOTED);
        assertThatThrownBy(() -> release.abort("too late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already PROMOTED");
    }

    @Test
    void abortSendsEverythingBackToTheBaselineInOneSwap() {
        ReleaseController release = open(canary().build());
        minute(release);

        release.abort("wrong artifact");

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.ABORTED);
        assertThat(candidateShare(release)).isZero();
        assertThat(release.plan().assign(-1L).version()).isEqualTo("rain@2");
    }

    @Test
    void configurationMistakesAreNamed() {
        assertThatThrownBy(() -> canary().steps(50, 25).build()).hasMessageContaining("non-decreasing");
        assertThatThrownBy(() -> canary().steps(150)).hasMessageContaining("150");
        assertThatThrownBy(() -> ReleaseConfig.canary("../etc", "a", "b")).hasMessageContaining("'../etc'");
        assertThatThrownBy(() -> ReleaseConfig.canary("r", "a", "a").build()).hasMessageContaining("same version");
        assertThatThrownBy(() -> canary().interval(Duration.ZERO)).hasMessageContaining("positive");
    }
}
