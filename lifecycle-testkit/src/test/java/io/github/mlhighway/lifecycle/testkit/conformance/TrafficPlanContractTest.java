package io.github.mlhighway.lifecycle.testkit.conformance;

import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import org.junit.jupiter.api.Nested;

/** The built-in traffic plans pass the TrafficPlan contract. */
class TrafficPlanContractTest {

    @Nested
    class SingleVersionPlan extends TrafficPlanContract {
        @Override
        protected TrafficPlan newPlan() {
            return TrafficPlan.single("rain@2", "baseline");
        }

        @Override
        protected double expectedShare(String version) {
            return 1.0;
        }
    }

    @Nested
    class CanaryAtItsFirstStep extends TrafficPlanContract {
        @Override
        protected TrafficPlan newPlan() {
            TestClock clock = TestClock.create();
            return ReleaseController.builder(ReleaseConfig.canary("rain-v3", "rain@2", "rain@3").steps(5, 25, 50, 100)
                            .build(), Stores.inMemory(clock),
                            (cohort, window) -> new CohortStats(cohort, window, 0, 0, 0, 0, 0), clock)
                    .open().plan();
        }

        @Override
        protected double expectedShare(String version) {
            return version.equals("rain@3") ? 0.05 : 0.95;
        }
    }
}
