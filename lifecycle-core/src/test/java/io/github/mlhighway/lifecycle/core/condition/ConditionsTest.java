package io.github.mlhighway.lifecycle.core.condition;

import static io.github.mlhighway.lifecycle.core.condition.Conditions.allOf;
import static io.github.mlhighway.lifecycle.core.condition.Conditions.anyOf;
import static io.github.mlhighway.lifecycle.core.condition.Conditions.not;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.retrain.RetrainOutcome;
import io.github.mlhighway.lifecycle.core.retrain.RetrainRequest;
import io.github.mlhighway.lifecycle.core.retrain.RetrainTrigger;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Three-valued conditions: holds, clear, and inconclusive when there is too little data to say. */
class ConditionsTest {

    private final SimClock clock = SimClock.atDefault();
    private final SloTracker accuracy = SloTracker.create(Slo.ratio("rain.accuracy").objective(0.9)
            .rollingWindow(Duration.ofDays(28)).build(), clock);

    private static Condition fixed(ConditionStatus status) {
        return now -> ConditionResult.of(status.name().toLowerCase(), status, status.name(), Map.of());
    }

    @Test
    void allOfIsClearWhenAnyPartIsClearElseInconclusiveWhenAnyPartIs() {
        assertThat(allOf(fixed(ConditionStatus.HOLDS), fixed(ConditionStatus.INCONCLUSIVE)).check(clock.instant())
                .status()).isEqualTo(ConditionStatus.INCONCLUSIVE);
        assertThat(allOf(fixed(ConditionStatus.CLEAR), fixed(ConditionStatus.INCONCLUSIVE)).check(clock.instant())
                .status()).isEqualTo(ConditionStatus.CLEAR);
        assertThat(allOf(fixed(ConditionStatus.HOLDS), fixed(ConditionStatus.HOLDS)).check(clock.instant())
                .status()).isEqualTo(ConditionStatus.HOLDS);
    }

    @Test
    void anyOfHoldsWhenAnyPartHoldsElseInconclusiveWhenAnyPartIs() {
        assertThat(anyOf(fixed(ConditionStatus.CLEAR), fixed(ConditionStatus.INCONCLUSIVE)).check(clock.instant())
                .status()).isEqualTo(ConditionStatus.INCONCLUSIVE);
        assertThat(anyOf(fixed(ConditionStatus.HOLDS), fixed(ConditionStatus.INCONCLUSIVE)).check(clock.instant())
                .status()).isEqualTo(ConditionStatus.HOLDS);
        assertThat(not(fixed(ConditionStatus.INCONCLUSIVE)).check(clock.instant()).status())
                .isEqualTo(ConditionStatus.INCONCLUSIVE);
        assertThat(not(fixed(ConditionStatus.CLEAR)).check(clock.instant()).holds()).isTrue();
    }

    @Test
    void aBudgetWithNoDataYetIsInconclusiveNotBack() {
        ConditionResult empty = Conditions.budgetRemainingAtLeast(accuracy, 0.5).check(clock.instant());
        assertThat(empty.isInconclusive()).isTrue();

        accuracy.record(97, 100);
        ConditionResult back = Conditions.budgetRemainingAtLeast(accuracy, 0.5).check(clock.instant());

        assertThat(back.holds()).isTrue();
        assertThat(back.reason()).isEqualTo("SLO rain.accuracy has 70.0% of its error budget left (at least 50.0%).");
        assertThat(back.evidence()).containsEntry("threshold", 0.5);
    }

    @Test
    void noDriftWindowYetIsInconclusive() {
        AtomicReference<io.github.mlhighway.lifecycle.core.serving.DriftEvent> none = new AtomicReference<>();

        assertThat(Conditions.drifting("inputs", none::get).check(clock.instant()).isInconclusive()).isTrue();
        assertThat(Conditions.notDrifting("inputs", none::get).check(clock.instant()).isInconclusive()).isTrue();
    }

    @Test
    void aRetrainTriggerTakesSharedConditionsAndKeepsPerPartHysteresisForAnyOf() {
        List<RetrainRequest> retrains = new ArrayList<>();
        accuracy.record(40, 100);
        RetrainTrigger trigger = RetrainTrigger.builder("rain", clock, anyOf(
                        Conditions.budgetRemainingBelow(accuracy, 0.5), fixed(ConditionStatus.INCONCLUSIVE)))
                .consecutive(2).cooldown(Duration.ZERO).action(retrains::add).build();

        assertThat(trigger.evaluate().outcome()).isEqualTo(RetrainOutcome.HOLDING);
        assertThat(trigger.evaluate().outcome()).isEqualTo(RetrainOutcome.TRIGGERED);
        assertThat(trigger.evaluate().outcome()).as("the budget part stays disarmed until it clears")
                .isEqualTo(RetrainOutcome.DISARMED);
        assertThat(retrains.get(0).evidence()).containsEntry("budget(rain.accuracy).threshold", 0.5);
    }
}
