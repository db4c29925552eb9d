package io.github.mlhighway.lifecycle.testkit.conformance;

import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;

/** The built-in traffic plans pass the TrafficPlan contract. */
class TrafficPlanContractTest {

    /** The plan a canary publishes when it opens at its first step, {@code firstStep} percent. */
    static TrafficPlan canaryAt(int firstStep) {
        TestClock clock = TestClock.create();
        return ReleaseController.builder(ReleaseConfig.canary("rain-v3", "rain@2", "rain@3").steps(firstStep, 100)
                        .build(), Stores.inMemory(clock),
                        (cohort, window) -> new CohortStats(cohort, window, 0, 0, 0, 0, 0), clock)
                .open().plan();
    }

    @Nested
    class SingleVersionPlan extends TrafficPlanContract {
        @Override
        protected TrafficPlan newPlan() {
            return TrafficPlan.single("rain@2", "baseline");
        }

        @Override
        protected ExpectedPlan expectedPlan() {
            return ExpectedPlan.single("rain@2", "baseline");
        }
    }

    @Nested
    class CanaryAtOnePercent extends TrafficPlanContract {
        @Override
        protected TrafficPlan newPlan() {
            return canaryAt(1);
        }

        @Override
        protected ExpectedPlan expectedPlan() {
            return ExpectedPlan.split("rain@2", "baseline", "rain@3", "canary", 0.01);
        }

        @Override
        protected List<TrafficPlan> plansAsTheCandidateGrows() {
            return IntStream.of(1, 5, 25, 50, 99).mapToObj(TrafficPlanContractTest::canaryAt).toList();
        }
    }

    @Nested
    class ShadowRelease extends TrafficPlanContract {
        @Override
        protected TrafficPlan newPlan() {
            TestClock clock = TestClock.create();
            return ReleaseController.builder(ReleaseConfig.shadow("rain-v3", "rain@2", "rain@3").build(),
                            Stores.inMemory(clock), (cohort, window) -> new CohortStats(cohort, window, 0, 0, 0, 0, 0),
                            clock)
                    .open().plan();
        }

        @Override
        protected ExpectedPlan expectedPlan() {
            return ExpectedPlan.single("rain@2", "baseline").mirroring("rain@3", 0.1);
        }
    }
}
