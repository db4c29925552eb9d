package io.github.mlhighway.lifecycle.core.incident;

import static io.github.mlhighway.lifecycle.core.condition.Conditions.allOf;
import static io.github.mlhighway.lifecycle.core.condition.Conditions.budgetRemainingAtLeast;
import static io.github.mlhighway.lifecycle.core.condition.Conditions.budgetRemainingBelow;
import static io.github.mlhighway.lifecycle.core.condition.Conditions.drifting;
import static io.github.mlhighway.lifecycle.core.condition.Conditions.notDrifting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.condition.ConditionResult;
import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.Correction;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import io.github.mlhighway.lifecycle.core.serving.DriftEvent;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.incident.IncidentEvent;
import io.github.mlhighway.lifecycle.incident.IncidentEventKind;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weather story's rule, declared: an incident opens after two drifting weekly windows in a row with half the
 * accuracy budget spent, and closes after two calm windows in a row with more than half the budget back; windows
 * that could not be tested count neither way. Evaluated every simulated day; 100 forecasts a day against a 90%
 * accuracy objective over 28 days.
 */
class IncidentPolicyTest {

    private final SimClock clock = SimClock.atDefault();
    private final SloTracker accuracy = SloTracker.create(Slo.ratio("rain.accuracy").objective(0.9)
            .rollingWindow(Duration.ofDays(28)).build(), clock);
    private final AtomicReference<DriftEvent> latestWindow = new AtomicReference<>();
    private final IncidentPolicy rainQuality = policy();

    private IncidentPolicy policy() {
        return IncidentPolicy.builder("rain-quality").key("rain")
                .openWhen(allOf(drifting("serving-inputs", latestWindow::get), budgetRemainingBelow(accuracy, 0.5)))
                .consecutive(2)
                .closeWhen(allOf(notDrifting("serving-inputs", latestWindow::get),
                        budgetRemainingAtLeast(accuracy, 0.5)))
                .consecutive(2)
                .build();
    }

    private DriftEvent window(DriftStatus status) {
        ColumnDrift precipitation = new ColumnDrift("precipitation", "wasserstein", 0.31, null, 0.31,
                "wasserstein_over_std", 0.2, 0.05, "ks", 0.0001, 0.0002, false, status, "precipitation");
        ColumnDrift wind = new ColumnDrift("wind", "wasserstein", 0.02, null, 0.02, "wasserstein_over_std", 0.2,
                0.05, "ks", 0.4, 0.4, false, DriftStatus.NO_DRIFT, "wind");
        boolean drifted = status == DriftStatus.DRIFTED;
        DriftReport report = new DriftReport(List.of(precipitation, wind), status == DriftStatus.INCONCLUSIVE ? 0 : 2,
                drifted ? 1 : 0, drifted ? 0.5 : 0.0, 0.5, Correction.BENJAMINI_HOCHBERG, 0.05, status,
                switch (status) {
                    case DRIFTED -> "1 of 2 columns drifted";
                    case NO_DRIFT -> "no column drifted";
                    case INCONCLUSIVE -> "no column could be tested";
                });
        Instant end = clock.instant();
        return new DriftEvent("rain", end.minus(Duration.ofDays(7)), end, 700, 0, report);
    }

    /** One day of forecasts, {@code wrong} of 100 wrong; on every 7th day a drift window closes. */
    private PolicyEvaluation day(IncidentManager manager, int wrong, DriftStatus weekly) {
        accuracy.record(100 - wrong, 100);
        clock.advance(Duration.ofDays(1));
        if (weekly != null) {
            latestWindow.set(window(weekly));
        }
        return manager.evaluate(rainQuality);
    }

    /** A week of days: the window closes on its first day. */
    private PolicyEvaluation week(IncidentManager manager, int wrong, DriftStatus window) {
        PolicyEvaluation last = day(manager, wrong, window);
        for (int d = 1; d < 7; d++) {
            last = day(manager, wrong, null);
        }
        return last;
    }

    private Incident openIncident(IncidentManager manager) {
        week(manager, 6, null);
        week(manager, 6, DriftStatus.DRIFTED);
        week(manager, 6, DriftStatus.INCONCLUSIVE);
        PolicyEvaluation opening = day(manager, 6, DriftStatus.DRIFTED);
        assertThat(opening.action()).isEqualTo(PolicyEvaluation.Action.OPENED);
        return manager.openIncident("rain").orElseThrow();
    }

    @Test
    void aDriftingWeekEvaluatedEveryDayCountsOnce() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        PolicyEvaluation beforeAnyWindow = week(manager, 6, null);
        assertThat(beforeAnyWindow.result().isInconclusive()).isTrue();
        assertThat(beforeAnyWindow.streak()).isZero();

        PolicyEvaluation endOfWeek = week(manager, 6, DriftStatus.DRIFTED);

        assertThat(endOfWeek.streak()).as("seven evaluations of one window").isEqualTo(1);
        assertThat(endOfWeek.action()).isEqualTo(PolicyEvaluation.Action.NONE);
        assertThat(endOfWeek.reason()).contains("held 1 of 2 evaluation(s) in a row");
        assertThat(manager.all()).isEmpty();
    }

    @Test
    void twoDriftingWeeksInARowWithHalfTheBudgetSpentOpenAnIncidentWithTheEvidence() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        week(manager, 6, null);
        week(manager, 6, DriftStatus.DRIFTED);
        PolicyEvaluation untestable = week(manager, 6, DriftStatus.INCONCLUSIVE);
        assertThat(untestable.streak()).as("an untestable window counts neither way").isEqualTo(1);
        assertThat(untestable.reason()).contains("could not be decided");

        PolicyEvaluation opening = day(manager, 6, DriftStatus.DRIFTED);

        assertThat(opening.action()).isEqualTo(PolicyEvaluation.Action.OPENED);
        assertThat(opening.rule()).isEqualTo(PolicyEvaluation.RuleKind.OPEN);
        Incident incident = manager.openIncident("rain").orElseThrow();
        assertThat(opening.incidentId()).contains(incident.id());
        assertThat(incident.openedAt()).isEqualTo(clock.instant());
        assertThat(incident.title()).startsWith("Incident policy rain-quality: the open rule held 2 evaluation(s) in"
                + " a row (2 needed): serving-inputs (window to");
        IncidentEvent decision = incident.events(IncidentEventKind.POLICY_DECISION).get(0);
        assertThat(decision.numbers()).containsEntry("drift(serving-inputs).drifted_share", 0.5)
                .containsEntry("drift(serving-inputs).drift_share_threshold", 0.5)
                .containsEntry("drift(serving-inputs).precipitation.effect", 0.31)
                .containsEntry("drift(serving-inputs).precipitation.threshold", 0.2)
                .containsEntry("budget(rain.accuracy).threshold", 0.5)
                .containsEntry("open.streak", 2.0).containsEntry("open.consecutive", 2.0);
        assertThat(decision.numbers().get("budget(rain.accuracy).budget_remaining")).isCloseTo(0.4, within(1e-9));
        assertThat(decision.details()).containsEntry(IncidentManager.POLICY_DETAIL, "rain-quality")
                .containsEntry("drift(serving-inputs)", "HOLDS").containsEntry("budget(rain.accuracy)", "HOLDS");
    }

    @Test
    void aCalmWindowBreaksTheStreak() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        week(manager, 6, DriftStatus.DRIFTED);
        PolicyEvaluation calm = week(manager, 6, DriftStatus.NO_DRIFT);
        assertThat(calm.streak()).isZero();

        PolicyEvaluation drifting = week(manager, 6, DriftStatus.DRIFTED);

        assertThat(drifting.streak()).isEqualTo(1);
        assertThat(manager.all()).isEmpty();
    }

    @Test
    void driftWithTheBudgetStillMostlyThereOpensNothing() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).build();
        week(manager, 2, DriftStatus.DRIFTED);
        PolicyEvaluation last = week(manager, 2, DriftStatus.DRIFTED);

        assertThat(last.result().holds()).isFalse();
        assertThat(manager.all()).isEmpty();
    }

    @Test
    void twoCalmWeeksWithTheBudgetBackCloseItAndTheQuietPeriodDoesNot() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock)
                .quietPeriod(Duration.ofHours(1)).build();
        Incident incident = openIncident(manager);
        for (int d = 1; d < 7; d++) {
            day(manager, 0, null);
            manager.tick();
        }
        assertThat(manager.openIncident("rain")).as("opened by a policy: the quiet period does not close it")
                .isPresent();

        PolicyEvaluation firstCalm = week(manager, 0, DriftStatus.NO_DRIFT);
        PolicyEvaluation untestable = week(manager, 0, DriftStatus.INCONCLUSIVE);
        PolicyEvaluation closing = day(manager, 0, DriftStatus.NO_DRIFT);

        assertThat(firstCalm.rule()).isEqualTo(PolicyEvaluation.RuleKind.CLOSE);
        assertThat(firstCalm.streak()).isEqualTo(1);
        assertThat(untestable.streak()).isEqualTo(1);
        assertThat(closing.action()).isEqualTo(PolicyEvaluation.Action.CLOSED);
        Incident closed = manager.find(incident.id()).orElseThrow();
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.closedAt()).contains(clock.instant());
        IncidentEvent close = closed.events(IncidentEventKind.CLOSED).get(0);
        assertThat(close.sentence()).startsWith("Incident policy rain-quality: the close rule held 2 evaluation(s)"
                + " in a row (2 needed): serving-inputs (window to");
        assertThat(close.numbers()).containsEntry("noDrift(serving-inputs).drifted_share", 0.0)
                .containsEntry("budgetAtLeast(rain.accuracy).threshold", 0.5)
                .containsEntry("close.streak", 2.0);
        assertThat(close.numbers().get("budgetAtLeast(rain.accuracy).budget_remaining")).isGreaterThan(0.5);
        assertThat(close.details()).containsEntry("rule", "close");

        PolicyEvaluation after = day(manager, 0, null);
        assertThat(after.rule()).as("watching for the next incident").isEqualTo(PolicyEvaluation.RuleKind.OPEN);
        assertThat(after.streak()).isZero();
    }

    @Test
    void theStreakSurvivesARestart(@TempDir Path dir) {
        IncidentManager first = IncidentManager.builder(Stores.directory(dir, clock), clock).build();
        PolicyEvaluation before = week(first, 6, DriftStatus.DRIFTED);
        assertThat(before.streak()).isEqualTo(1);

        IncidentManager restarted = IncidentManager.builder(Stores.directory(dir, clock), clock).build();
        PolicyEvaluation sameWindow = restarted.evaluate(rainQuality);
        assertThat(sameWindow.streak()).as("the counted window is remembered too").isEqualTo(1);
        PolicyEvaluation next = day(restarted, 6, DriftStatus.DRIFTED);

        assertThat(next.action()).isEqualTo(PolicyEvaluation.Action.OPENED);
        assertThat(restarted.openIncident("rain")).isPresent();
    }

    @Test
    void anEvaluationBeforeTheLastOneIsAReplayAndChangesNothing(@TempDir Path dir) {
        SimClock later = new SimClock(clock.instant().plus(Duration.ofDays(30)));
        IncidentPolicy always = IncidentPolicy.builder("always").key("rain")
                .openWhen(now -> ConditionResult.of("bad", true, "bad", Map.of()))
                .closeWhen(now -> ConditionResult.of("calm", false, "not calm", Map.of()))
                .build();
        IncidentManager first = IncidentManager.builder(Stores.directory(dir, later), later).build();
        assertThat(first.evaluate(always).action()).isEqualTo(PolicyEvaluation.Action.OPENED);

        IncidentManager replaying = IncidentManager.builder(Stores.directory(dir, clock), clock).build();
        PolicyEvaluation replayed = replaying.evaluate(always);

        assertThat(replayed.action()).isEqualTo(PolicyEvaluation.Action.NONE);
        assertThat(replayed.reason()).contains("a replay");
        assertThat(replaying.all()).hasSize(1);
    }

    @Test
    void aFiringPageHoldsTheIncidentOpen() {
        Store store = Stores.inMemory(clock);
        IncidentManager manager = IncidentManager.builder(store, clock).keyBySlo(slo -> "rain").build();
        manager.onAlerts(Alerts.page("rain.availability", true), null);
        IncidentPolicy calm = IncidentPolicy.builder("calm").key("rain")
                .openWhen(now -> ConditionResult.of("never", false, "never", Map.of()))
                .closeWhen(now -> ConditionResult.of("calm", true, "all calm", Map.of()))
                .build();

        PolicyEvaluation held = manager.evaluate(calm);

        assertThat(held.action()).isEqualTo(PolicyEvaluation.Action.HELD_OPEN);
        assertThat(held.reason()).contains("A page alert still fires (rain.availability/page-1h)");
        assertThat(manager.openIncident("rain")).isPresent();
        manager.onAlerts(Alerts.page("rain.availability", false), null);
        assertThat(manager.evaluate(calm).action()).isEqualTo(PolicyEvaluation.Action.CLOSED);
    }

    @Test
    void registeredPoliciesAreEvaluatedOnTick() {
        IncidentManager manager = IncidentManager.builder(Stores.inMemory(clock), clock).policy(rainQuality).build();
        latestWindow.set(window(DriftStatus.DRIFTED));
        accuracy.record(40, 100);
        clock.advance(Duration.ofDays(1));

        List<PolicyEvaluation> evaluations = manager.tick();

        assertThat(evaluations).singleElement().extracting(PolicyEvaluation::streak).isEqualTo(1);
        assertThatThrownBy(() -> manager.register(policy())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rain-quality");
    }

    @Test
    void aPolicyNeedsBothRulesAndConsecutiveFollowsARule() {
        assertThatThrownBy(() -> IncidentPolicy.builder("p").consecutive(2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must follow openWhen");
        assertThatThrownBy(() -> IncidentPolicy.builder("p")
                .openWhen(now -> ConditionResult.of("x", true, "x", Map.of())).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs both");
        assertThatThrownBy(() -> IncidentPolicy.builder("p")
                .openWhen(now -> ConditionResult.of("x", true, "x", Map.of())).consecutive(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
