package io.github.mlhighway.lifecycle.testkit.conformance;

import static io.github.mlhighway.lifecycle.testkit.docs.JavadocExamples.copy;
import static io.github.mlhighway.lifecycle.testkit.docs.JavadocExamples.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of {@link TrafficPlanContract}'s and {@link StoreContract}'s javadoc, as nested test classes that
 * run the whole contract; two tests keep javadoc and copies equal.
 */
class ConformanceJavadocExamplesTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/mlhighway/lifecycle/testkit/conformance/");
    private static final Path THIS_TEST = Path.of("src/test/java/io/github/mlhighway/lifecycle/testkit/conformance/"
            + "ConformanceJavadocExamplesTest.java");

    /** A canary at its first step: 5% of the keys to rain@3. */
    private final ReleaseController myController;

    ConformanceJavadocExamplesTest() {
        TestClock clock = TestClock.create();
        myController = ReleaseController.builder(ReleaseConfig.canary("rain-v3", "rain@2", "rain@3")
                        .steps(5, 25, 50, 100).build(), Stores.inMemory(clock),
                (cohort, window) -> new CohortStats(cohort, window, 0, 0, 0, 0, 0), clock).open();
    }

    @Nested
    // --- javadoc: TrafficPlanContract ---
    class MyPlanContractTest extends TrafficPlanContract {
        protected TrafficPlan newPlan() { return myController.plan(); }
        protected ExpectedPlan expectedPlan() { return ExpectedPlan.split("rain@2", "baseline", "rain@3", "canary", 0.05); }
    }
    // --- javadoc: end ---

    @Nested
    // --- javadoc: StoreContract ---
    class MyStoreContractTest extends StoreContract {
        @TempDir
        Path root;

        @Override
        protected Store newStore() {
            return Stores.directory(root, clock);   // here: a fresh, empty store of yours, on the kit's clock
        }

        @Override
        protected Store reopen(Store store) {
            return Stores.directory(root, clock);   // a new instance over what the closed one persisted
        }
    }
    // --- javadoc: end ---

    @Test
    void theTrafficPlanContractJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "TrafficPlanContract")).isEqualTo(example(MAIN.resolve("TrafficPlanContract.java"), 0));
    }

    @Test
    void theStoreContractJavadocShowsTheCodeThisTestRuns() {
        assertThat(copy(THIS_TEST, "StoreContract")).isEqualTo(example(MAIN.resolve("StoreContract.java"), 0));
    }
}
