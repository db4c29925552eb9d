package io.github.mlhighway.lifecycle.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.condition.ConditionResult;
import io.github.mlhighway.lifecycle.core.condition.Conditions;
import io.github.mlhighway.lifecycle.core.incident.IncidentPolicy;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.policy.BudgetCondition;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.retrain.RetrainConditions;
import io.github.mlhighway.lifecycle.core.retrain.RetrainRequest;
import io.github.mlhighway.lifecycle.core.retrain.RetrainTrigger;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.policy.Action;
import io.github.mlhighway.lifecycle.registry.AliasMove;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private final SimulatedClock clock = SimulatedClock.at(START);

    private Lifecycle lifecycle() {
        Lifecycle lifecycle = Lifecycle.builder().clock(clock).store(dir.resolve("store")).build();
        clock.drive(lifecycle);
        return lifecycle;
    }

    private ModelVersion register(Lifecycle lifecycle, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(content + ".bin"), content);
        return lifecycle.registry().register(NewModelVersion.of("rain").metric("auc", 0.8).file("model", file)
                .build());
    }

    /** Serves one minute of traffic: a request every six seconds, routed by a per-request key. */
    private static void traffic(GuardedModel<Double, Double> service, Instant minute) {
        for (int i = 0; i < 10; i++) {
            String id = minute.toEpochMilli() + "-" + i;
            service.predict(id, id, (double) i);
        }
    }

    @Test
    void everythingTheRuntimeMakesReadsItsOneClockAndStore() throws IOException {
        try (Lifecycle lifecycle = lifecycle()) {
            clock.advance(Duration.ofDays(2));
            ModelVersion v1 = register(lifecycle, "v1");
            GuardedModel<Double, Double> service = lifecycle.<Double, Double>serving("rain")
                    .version("rain@1", x -> x).build();

            assertThat(v1.createdAt()).isEqualTo(START.plus(Duration.ofDays(2)));
            assertThat(service.slos()).isSameAs(lifecycle.slos());
            assertThat(lifecycle.slos().find(service.versionSloName("rain@1", "availability"))).isPresent();
            assertThat(lifecycle.store().keys("registry-versions")).hasSize(1);
            String key = lifecycle.store().keys("registry-versions").get(0);
            assertThat(lifecycle.store().read("registry-versions", key).orElseThrow().writtenAt())
                    .isEqualTo(START.plus(Duration.ofDays(2)));
        }
    }

    @Test
    void aGoodCanaryIsPromotedAndTheAliasMovesWithTheAnalysesVerdict() throws IOException {
        try (Lifecycle lifecycle = lifecycle()) {
            ModelVersion v1 = register(lifecycle, "v1");
            ModelVersion v2 = register(lifecycle, "v2");
            GuardedModel<Double, Double> service = lifecycle.<Double, Double>serving("rain")
                    .version("rain@1", x -> x).version("rain@2", x -> x).build();
            ReleaseController canary = lifecycle.releases().release(service, ReleaseConfig
                    .canary("rain-2", "rain@1", "rain@2").steps(50, 100).interval(Duration.ofHours(1))
                    .minSample(50).build()).movesAlias("champion").open();

            clock.run(Duration.ofHours(6), Duration.ofMinutes(1), minute -> traffic(service, minute));

            assertThat(canary.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
            assertThat(lifecycle.registry().aliases("rain")).containsEntry("champion", v2.version());
            AliasMove move = lifecycle.registry().aliasMoves("rain").get(0);
            assertThat(move.toVersion()).isEqualTo(v2.version());
            assertThat(move.verdict().gate()).isEqualTo("release:rain-2");
            assertThat(move.verdict().allowsProceeding()).isTrue();
            assertThat(lifecycle.releases().inProgress()).isEmpty();
            assertThat(v1.version()).isEqualTo(1);
        }
    }

    @Test
    void openedReleasesStayListedAfterTheyEndSortedById() throws IOException {
        try (Lifecycle lifecycle = lifecycle()) {
            register(lifecycle, "v1");
            register(lifecycle, "v2");
            GuardedModel<Double, Double> service = lifecycle.<Double, Double>serving("rain")
                    .version("rain@1", x -> x).version("rain@2", x -> x).build();
            ReleaseController promoted = lifecycle.releases().release(service, ReleaseConfig
                    .canary("rain-b", "rain@1", "rain@2").steps(50, 100).interval(Duration.ofHours(1))
                    .minSample(50).build()).open();
            clock.run(Duration.ofHours(6), Duration.ofMinutes(1), minute -> traffic(service, minute));
            ReleaseController running = lifecycle.releases().release(service, ReleaseConfig
                    .canary("rain-a", "rain@2", "rain@1").steps(50, 100).interval(Duration.ofHours(1))
                    .build()).open();

            assertThat(promoted.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
            assertThat(lifecycle.releases().inProgress()).containsExactly(running);
            assertThat(lifecycle.releases().opened()).containsExactly(running, promoted);
        }
    }

    @Test
    void aPagingCandidateIsRolledBackOnTheTickItPagesNotAtTheNextAnalysis() {
        try (Lifecycle lifecycle = lifecycle()) {
            Function<Double, Double> broken = x -> {
                throw new IllegalStateException("candidate down");
            };
            GuardedModel<Double, Double> service = lifecycle.<Double, Double>serving("rain")
                    .version("rain@1", x -> x).version("rain@2", broken).fallback(x -> 0.0).build();
            ReleaseController canary = lifecycle.releases().release(service, ReleaseConfig
                    .canary("rain-2", "rain@1", "rain@2").steps(50, 100).interval(Duration.ofDays(1))
                    .build()).open(); // the candidate takes 50% at once; the first analysis is a day away

            Instant stepped = clock.instant();
            clock.run(Duration.ofHours(3), Duration.ofMinutes(1), minute -> traffic(service, minute));

            assertThat(canary.state().phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
            Instant rolledBack = canary.journal().get(canary.journal().size() - 1).at();
            // The page needs the default low-traffic guard's 179 candidate calls (5 a minute here), then acts at once.
            assertThat(Duration.between(stepped, rolledBack)).isLessThan(Duration.ofHours(1));
            clock.run(Duration.ofHours(3), Duration.ofMinutes(1), minute -> traffic(service, minute));
            List<Incident> incidents = lifecycle.incidents().all();
            assertThat(incidents).as("the candidate's pages and its rollback are one incident")
                    .extracting(Incident::key).containsExactly("rain-2");
        }
    }

    @Test
    void aPipelineRunBurnsItsRunSloOnTheRuntimesRegistry() {
        try (Lifecycle lifecycle = lifecycle()) {
            Slo finishes = Slo.ratio("training.finishes").objective(0.95).rollingWindow(Duration.ofDays(7)).build();
            Pipeline<Integer, Integer> pipeline = Pipeline.start("doubling", Integer.class)
                    .then("double", Integer.class, Stage.of((Integer x) -> x * 2))
                    .gate(Gate.named("positive", (Integer x) -> Verdict.fromFindings("positive", List.of(
                            Finding.note("sign", x > 0 ? Outcome.PASS : Outcome.FAIL, "x=" + x)), clock.instant())))
                    .runSlo(finishes)
                    .build();

            lifecycle.run(pipeline, "good", 2);
            lifecycle.run(pipeline, "bad", -2);
            lifecycle.run(pipeline, "good", 2);    // the same run again: no second event
            clock.advance(Duration.ofMinutes(1));

            SloTracker tracker = lifecycle.slos().tracker("training.finishes");
            assertThat(tracker.budget().eligible()).isEqualTo(2);
            assertThat(tracker.budget().bad()).isEqualTo(1.0);
        }
    }

    @Test
    void anIncidentPolicyOpensAndClosesByItsDeclaredRule() {
        Lifecycle built = Lifecycle.builder().clock(clock).store(dir.resolve("store")).incidentsFromAlerts(false)
                .build();
        clock.drive(built);
        try (Lifecycle lifecycle = built) {
            SloTracker quality = lifecycle.slo(Slo.ratio("forecast.quality").objective(0.9)
                    .rollingWindow(Duration.ofDays(1)).build());
            lifecycle.incidentPolicy(IncidentPolicy.builder("quality")
                    .openWhen(Conditions.budgetRemainingBelow(quality, 0.5)).consecutive(2)
                    .closeWhen(Conditions.budgetRemainingAtLeast(quality, 0.5)).consecutive(2)
                    .build(), Duration.ofHours(1));

            clock.run(Duration.ofHours(6), Duration.ofMinutes(10), t -> quality.record(50, 100));
            assertThat(lifecycle.incidents().openIncidents()).hasSize(1);
            clock.run(Duration.ofDays(2), Duration.ofMinutes(10), t -> quality.record(100, 100));
            assertThat(lifecycle.incidents().openIncidents()).isEmpty();
            assertThat(lifecycle.incidents().all()).hasSize(1);
        }
    }

    @Test
    void aReleaseCanJoinTheModelsOwnIncident() {
        try (Lifecycle lifecycle = lifecycle()) {
            Function<Double, Double> broken = x -> {
                throw new IllegalStateException("candidate down");
            };
            GuardedModel<Double, Double> service = lifecycle.<Double, Double>serving("rain")
                    .version("rain@1", x -> x).version("rain@2", broken).fallback(x -> 0.0).build();
            ReleaseController canary = lifecycle.releases().release(service, ReleaseConfig
                    .canary("rain-2", "rain@1", "rain@2").steps(50, 100).interval(Duration.ofDays(1)).build())
                    .incidentKey("rain").open();

            clock.run(Duration.ofHours(3), Duration.ofMinutes(1), minute -> traffic(service, minute));

            assertThat(canary.state().phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
            assertThat(lifecycle.incidents().all()).extracting(Incident::key).containsExactly("rain");
        }
    }

    @Test
    void anExhaustedBudgetFreezesPromotions() {
        try (Lifecycle lifecycle = lifecycle()) {
            SloTracker checkout = lifecycle.slo(Slo.ratio("checkout").objective(0.99)
                    .rollingWindow(Duration.ofDays(1)).build());
            lifecycle.policy("freeze", p -> p.watch(checkout)
                    .rule("exhausted", BudgetCondition.exhausted(), Action.FREEZE_RELEASES));
            GuardedModel<Double, Double> service = lifecycle.<Double, Double>serving("rain")
                    .version("rain@1", x -> x).version("rain@2", x -> x).build();
            checkout.record(0, 1_000);
            ReleaseController canary = lifecycle.releases().release(service, ReleaseConfig
                    .canary("rain-2", "rain@1", "rain@2").steps(50, 100).interval(Duration.ofHours(1))
                    .minSample(50).build()).open();

            clock.run(Duration.ofHours(4), Duration.ofMinutes(1), minute -> traffic(service, minute));

            assertThat(canary.state().phase()).isEqualTo(ReleasePhase.FROZEN);
            assertThat(canary.state().reason()).contains("freeze");
        }
    }

    @Test
    void aRetrainingTriggerCallsTheHostsActionAtItsInterval() {
        try (Lifecycle lifecycle = lifecycle()) {
            List<RetrainRequest> requests = new ArrayList<>();
            RetrainTrigger trigger = lifecycle.retraining("weekly", Duration.ofDays(1),
                    RetrainConditions.every(Duration.ofDays(7)), t -> t.action(requests::add));

            clock.run(Duration.ofDays(15), Duration.ofHours(1), hour -> { });

            // evaluated daily from the first tick (01:00 on day 0): due on days 7 and 14
            assertThat(requests).hasSize(2);
            assertThat(trigger.decisions()).hasSize(15);
        }
    }

    @Test
    void aTriggerThatIsNoLongerNeededStopsBeingEvaluated() {
        try (Lifecycle lifecycle = lifecycle()) {
            RetrainTrigger trigger = lifecycle.retraining("weekly", Duration.ofDays(1),
                    RetrainConditions.every(Duration.ofDays(7)), t -> t.action(request -> { }));
            clock.run(Duration.ofDays(3), Duration.ofHours(1), hour -> { });
            int evaluated = trigger.decisions().size();

            assertThat(lifecycle.stopEvaluating(trigger)).isTrue();
            clock.run(Duration.ofDays(3), Duration.ofHours(1), hour -> { });

            assertThat(evaluated).isEqualTo(3);
            assertThat(trigger.decisions()).hasSize(evaluated);
            assertThat(lifecycle.stopEvaluating(trigger)).isFalse();
        }
    }

    @Test
    void sloStateSurvivesARestartOnTheSameStore() {
        Slo checkout = Slo.ratio("checkout").objective(0.99).rollingWindow(Duration.ofDays(7)).build();
        try (Lifecycle first = lifecycle()) {
            first.slo(checkout).record(900, 1_000);
            clock.advance(Duration.ofMinutes(1));
        }
        try (Lifecycle second = Lifecycle.builder().clock(clock).store(dir.resolve("store")).build()) {
            SloTracker restored = second.slo(checkout);
            assertThat(restored.budget().eligible()).isEqualTo(1_000);
        }
    }

    @Test
    void aFailingPartDoesNotStopTheOthersAndTheTickSaysWhichFailed() {
        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).store(dir.resolve("store")).build()) {
            lifecycle.retraining("broken", Duration.ofHours(1), now -> {
                throw new IllegalStateException("label source unreachable");
            }, t -> t.action(request -> { }));
            SloTracker checkout = lifecycle.slo(Slo.ratio("checkout").objective(0.99).build());
            checkout.record(false);
            clock.advance(Duration.ofMinutes(1));

            assertThatThrownBy(lifecycle::tick).isInstanceOf(LifecycleTickException.class)
                    .hasMessageContaining("retraining broken").hasMessageContaining("label source unreachable");
            assertThat(checkout.budget().eligible()).isEqualTo(1);
        }
    }

    @Test
    void everySloPresentAndFutureIsExportedThroughMicrometer() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).meterRegistry(meters).build()) {
            clock.drive(lifecycle);
            lifecycle.slo(Slo.ratio("checkout").objective(0.99).build()).record(false);
            GuardedModel<Double, Double> service = lifecycle.<Double, Double>serving("rain")
                    .version("rain@1", x -> x).build();
            clock.advance(Duration.ofSeconds(1));

            assertThat(meters.find("lifecycle.slo.events").tag("slo", "checkout").tag("outcome", "bad")
                    .functionCounter().count()).isEqualTo(1.0);
            assertThat(meters.find("lifecycle.slo.budget.remaining")
                    .tag("slo", service.versionSloName("rain@1", "availability")).gauge()).isNotNull();
        }
    }

    @Test
    void startTicksFromItsOwnSchedulerUntilClosed() throws InterruptedException {
        CountDownLatch evaluated = new CountDownLatch(3);
        try (Lifecycle lifecycle = Lifecycle.builder().tickInterval(Duration.ofMillis(5)).build()) {
            lifecycle.retraining("counting", Duration.ofMillis(1), now -> {
                evaluated.countDown();
                return ConditionResult.of("counting", false, "never retrains", Map.of());
            }, t -> t.action(request -> { }));
            lifecycle.start();

            assertThat(evaluated.await(30, TimeUnit.SECONDS)).as("three ticks from the scheduler").isTrue();
            assertThatThrownBy(lifecycle::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already started");
        }
    }

    @Test
    void aRuntimeOnAnotherClockCannotBeDriven() {
        try (Lifecycle lifecycle = Lifecycle.builder().build()) {
            assertThatThrownBy(() -> clock.drive(lifecycle)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Lifecycle.builder().clock");
        }
    }

}
