package io.github.mlhighway.lifecycle.core.retrain;

import static io.github.mlhighway.lifecycle.core.retrain.RetrainConditions.anyOf;
import static io.github.mlhighway.lifecycle.core.retrain.RetrainConditions.allOf;
import static io.github.mlhighway.lifecycle.core.retrain.RetrainConditions.columnsDrift;
import static io.github.mlhighway.lifecycle.core.retrain.RetrainConditions.drift;
import static io.github.mlhighway.lifecycle.core.retrain.RetrainConditions.every;
import static io.github.mlhighway.lifecycle.core.retrain.RetrainConditions.newLabels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.data.drift.ColumnDrift;
import io.github.mlhighway.lifecycle.core.data.drift.Correction;
import io.github.mlhighway.lifecycle.core.data.drift.DriftReport;
import io.github.mlhighway.lifecycle.core.data.drift.DriftStatus;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetrainTriggerTest {

    private final SimClock clock = SimClock.atDefault();
    private final List<RetrainRequest> retrains = new ArrayList<>();
    private final AtomicReference<DriftReport> latestDrift = new AtomicReference<>(report(false));

    private static DriftReport report(boolean temperatureDrifted) {
        ColumnDrift temperature = new ColumnDrift("temperature", "wasserstein", 0.31, null, 0.31,
                "wasserstein_over_std", 0.1, 0.05, "ks", 0.0001, 0.0002, false,
                temperatureDrifted ? DriftStatus.DRIFTED : DriftStatus.NO_DRIFT, "temperature");
        ColumnDrift humidity = new ColumnDrift("humidity", "wasserstein", 0.02, null, 0.02,
                "wasserstein_over_std", 0.1, 0.05, "ks", 0.4, 0.4, false, DriftStatus.NO_DRIFT, "humidity");
        return new DriftReport(List.of(temperature, humidity), 2, temperatureDrifted ? 1 : 0,
                temperatureDrifted ? 0.5 : 0.0, 0.5, Correction.BENJAMINI_HOCHBERG, 0.05,
                temperatureDrifted ? DriftStatus.DRIFTED : DriftStatus.NO_DRIFT,
                temperatureDrifted ? "1 of 2 columns drifted" : "no column drifted");
    }

    private RetrainTrigger.Builder trigger(RetrainCondition condition) {
        return RetrainTrigger.builder("rain-model", clock, condition).action(retrains::add);
    }

    private List<RetrainOutcome> hourly(RetrainTrigger trigger, int hours) {
        List<RetrainOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            clock.advance(Duration.ofHours(1));
            outcomes.add(trigger.evaluate().outcome());
        }
        return outcomes;
    }

    @Test
    void driftFiresOnceAfterHoldingForThreeEvaluationsAndReArmsOnlyAfterItClears() {
        RetrainTrigger trigger = trigger(drift("inputs", latestDrift::get)).consecutive(3)
                .cooldown(Duration.ZERO).build();
        assertThat(hourly(trigger, 2)).containsOnly(RetrainOutcome.QUIET);

        latestDrift.set(report(true));
        assertThat(hourly(trigger, 5)).containsExactly(RetrainOutcome.HOLDING, RetrainOutcome.HOLDING,
                RetrainOutcome.TRIGGERED, RetrainOutcome.DISARMED, RetrainOutcome.DISARMED);
        assertThat(retrains).hasSize(1);
        RetrainRequest request = retrains.get(0);
        assertThat(request.reasons()).containsExactly("inputs: 1 of 2 columns drifted");
        assertThat(request.evidence()).containsEntry("drift(inputs).drifted_share", 0.5)
                .containsEntry("drift(inputs).temperature.effect", 0.31);

        latestDrift.set(report(false));
        assertThat(hourly(trigger, 1)).containsExactly(RetrainOutcome.QUIET);
        latestDrift.set(report(true));
        assertThat(hourly(trigger, 3)).endsWith(RetrainOutcome.TRIGGERED);
        assertThat(retrains).hasSize(2);
    }

    @Test
    void cooldownSuppressesASecondTrigger() {
        RetrainTrigger trigger = trigger(drift("inputs", latestDrift::get)).cooldown(Duration.ofHours(24)).build();
        latestDrift.set(report(true));
        assertThat(hourly(trigger, 1)).containsExactly(RetrainOutcome.TRIGGERED);
        latestDrift.set(report(false));
        hourly(trigger, 1);
        latestDrift.set(report(true));

        List<RetrainOutcome> outcomes = hourly(trigger, 23);

        assertThat(outcomes.subList(0, 22)).containsOnly(RetrainOutcome.COOLDOWN);
        assertThat(outcomes.get(22)).as("24h after the first trigger").isEqualTo(RetrainOutcome.TRIGGERED);
        assertThat(retrains).hasSize(2);
        assertThat(trigger.decisions().get(2).reason()).contains("cooldown PT24H ends at 2026-01-02T01:00:00Z");
    }

    @Test
    void onlyTheWatchedColumnsCount() {
        RetrainTrigger humidityOnly = trigger(columnsDrift("inputs", latestDrift::get, "humidity")).build();
        latestDrift.set(report(true));

        assertThat(hourly(humidityOnly, 2)).containsOnly(RetrainOutcome.QUIET);
        assertThat(humidityOnly.decisions().get(0).condition().reason()).isEqualTo("inputs: none of humidity drifted.");
    }

    @Test
    void aScheduleFiresOnTime() {
        RetrainTrigger weekly = trigger(every(Duration.ofDays(7))).cooldown(Duration.ZERO).build();

        List<RetrainOutcome> outcomes = hourly(weekly, 24 * 15);

        assertThat(retrains).extracting(RetrainRequest::at).map(Object::toString)
                .containsExactly("2026-01-08T01:00:00Z", "2026-01-15T01:00:00Z");
        assertThat(outcomes).filteredOn(o -> o == RetrainOutcome.TRIGGERED).hasSize(2);
        assertThat(retrains.get(0).reasons().get(0)).startsWith("Scheduled retrain every PT168H is due");
    }

    @Test
    void enoughNewLabelsTriggerAndTheCountRestartsAfterTheRetrain() {
        AtomicLong labelled = new AtomicLong(500);
        RetrainTrigger trigger = trigger(newLabels(labelled::get, 1000)).cooldown(Duration.ZERO).build();

        labelled.addAndGet(999);
        assertThat(hourly(trigger, 1)).containsExactly(RetrainOutcome.QUIET);
        labelled.addAndGet(1);
        assertThat(hourly(trigger, 1)).containsExactly(RetrainOutcome.TRIGGERED);
        assertThat(retrains.get(0).evidence()).containsEntry("labels(1000).new_labels", 1000.0);

        labelled.addAndGet(10);
        assertThat(hourly(trigger, 1)).as("10 labels since the retrain").containsExactly(RetrainOutcome.QUIET);
    }

    @Test
    void anyOfFiresOnTheFirstPartThatHoldsAndGivesItsReasons() {
        AtomicLong labelled = new AtomicLong();
        RetrainTrigger trigger = trigger(anyOf(drift("inputs", latestDrift::get), newLabels(labelled::get, 100),
                every(Duration.ofDays(30)))).build();
        assertThat(hourly(trigger, 3)).containsOnly(RetrainOutcome.QUIET);

        labelled.set(150);
        assertThat(hourly(trigger, 1)).containsExactly(RetrainOutcome.TRIGGERED);

        RetrainRequest request = retrains.get(0);
        assertThat(request.reasons()).containsExactly("150 new labelled examples since the last retrain (at least"
                + " 100).");
        assertThat(request.condition().parts()).hasSize(3);
        assertThat(request.condition().reason()).isEqualTo("1 of 3 conditions hold (anyOf).");
    }

    @Test
    void allOfNeedsEveryPart() {
        AtomicLong labelled = new AtomicLong();
        RetrainTrigger trigger = trigger(allOf(drift("inputs", latestDrift::get), newLabels(labelled::get, 100)))
                .build();
        latestDrift.set(report(true));
        assertThat(hourly(trigger, 1)).containsExactly(RetrainOutcome.QUIET);
        labelled.set(100);
        assertThat(hourly(trigger, 1)).containsExactly(RetrainOutcome.TRIGGERED);
    }

    @Test
    void aQualitySloBurningFastTriggers() {
        SloTracker accuracy = SloTracker.create(Slo.ratio("rain.accuracy").objective(0.9)
                .rollingWindow(Duration.ofDays(7)).build(), clock);
        RetrainTrigger trigger = trigger(anyOf(RetrainConditions.burnRate(accuracy, Duration.ofHours(6), 2.0),
                RetrainConditions.budgetBelow(accuracy, 0.5))).consecutive(2).build();
        accuracy.record(98, 100);
        assertThat(hourly(trigger, 1)).containsExactly(RetrainOutcome.QUIET);

        accuracy.record(60, 100);
        assertThat(hourly(trigger, 2)).containsExactly(RetrainOutcome.HOLDING, RetrainOutcome.TRIGGERED);
        assertThat(retrains.get(0).reasons()).anyMatch(r -> r.startsWith("SLO rain.accuracy burns at 2.10x"));
    }

    @Test
    void aFailingActionIsRecordedAndRetried() {
        RetrainTrigger trigger = RetrainTrigger.builder("rain-model", clock, drift("inputs", latestDrift::get))
                .action(request -> {
                    if (retrains.isEmpty()) {
                        retrains.add(request);
                        throw new IllegalStateException("pipeline busy");
                    }
                    retrains.add(request);
                }).build();
        latestDrift.set(report(true));

        assertThat(hourly(trigger, 2)).containsExactly(RetrainOutcome.ACTION_FAILED, RetrainOutcome.TRIGGERED);
        assertThat(trigger.decisions().get(0).reason()).contains("pipeline busy");
    }

    @Test
    void aScheduleKeepsFiringWeeklyWhileAnotherPartOfAnyOfKeepsHolding() {
        latestDrift.set(report(true)); // drifts on day 0 and never clears
        RetrainTrigger trigger = trigger(anyOf(drift("inputs", latestDrift::get), every(Duration.ofDays(7))))
                .cooldown(Duration.ofHours(1)).build();
        List<Integer> firedOnDays = new ArrayList<>();
        for (int day = 0; day < 60; day++) {
            if (trigger.evaluate().outcome() == RetrainOutcome.TRIGGERED) {
                firedOnDays.add(day);
            }
            clock.advance(Duration.ofDays(1));
        }

        assertThat(firedOnDays).as("the drift once, then the weekly schedule despite the persistent drift")
                .containsExactly(0, 7, 14, 21, 28, 35, 42, 49, 56);
        assertThat(retrains.get(1).reasons()).anySatisfy(r -> assertThat(r).startsWith("Scheduled retrain every"));
        RetrainDecision between = trigger.decisions().get(3);
        assertThat(between.outcome()).isEqualTo(RetrainOutcome.DISARMED);
        assertThat(between.reason()).contains("waiting for drift(inputs) to clear");
    }

    @Test
    void aPersistentDriftInAnyOfFiresOnceAndReArmsOnlyWhenItClears() {
        latestDrift.set(report(true));
        RetrainTrigger trigger = trigger(anyOf(drift("inputs", latestDrift::get), newLabels(() -> 0, 10)))
                .consecutive(2).cooldown(Duration.ZERO).build();

        List<RetrainOutcome> outcomes = hourly(trigger, 48);

        assertThat(outcomes.subList(0, 2)).containsExactly(RetrainOutcome.HOLDING, RetrainOutcome.TRIGGERED);
        assertThat(outcomes.subList(2, 48)).containsOnly(RetrainOutcome.DISARMED);
        assertThat(retrains).hasSize(1);

        latestDrift.set(report(false));
        assertThat(hourly(trigger, 1)).containsExactly(RetrainOutcome.QUIET);
        latestDrift.set(report(true));
        assertThat(hourly(trigger, 2)).containsExactly(RetrainOutcome.HOLDING, RetrainOutcome.TRIGGERED);
        assertThat(retrains).hasSize(2);
    }

    @Test
    void badSettingsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> trigger(every(Duration.ofDays(1))).consecutive(0))
                .hasMessage("Consecutive evaluations must be at least 1, was 0");
        assertThatThrownBy(() -> every(Duration.ZERO)).hasMessage("Schedule period must be positive, was PT0S");
        assertThatThrownBy(() -> RetrainTrigger.builder("x", clock, every(Duration.ofDays(1))).build())
                .hasMessage("Retrain trigger 'x' needs an action");
    }
}
