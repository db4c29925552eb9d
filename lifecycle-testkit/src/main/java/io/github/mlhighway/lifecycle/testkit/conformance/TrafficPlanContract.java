package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link TrafficPlan} SPI as tests: every request gets an assignment, the same key always
 * gets the same one while the plan is unchanged, the shadow settings agree with each other, and the share of
 * keys sent to each version is what the implementer says it should be. Extend it and supply the plan:
 *
 * <pre>{@code
 * class MyPlanContractTest extends TrafficPlanContract {
 *     protected TrafficPlan newPlan() { return myController.plan(); }
 *     protected double expectedShare(String version) { return version.equals("rain@3") ? 0.05 : 0.95; }
 * }
 * }</pre>
 */
public abstract class TrafficPlanContract {

    /** Keys drawn to check assignment shares; the tolerance below is about five standard errors at this size. */
    protected static final int KEYS = 20_000;

    /**
     * The plan under test, in a state that does not change during a test.
     *
     * @return the plan
     */
    protected abstract TrafficPlan newPlan();

    /**
     * The share of keys the plan is expected to assign to a version.
     *
     * @param version a version the plan assigns
     * @return the expected share in [0, 1]
     */
    protected abstract double expectedShare(String version);

    @Test
    void everyKeyGetsAnAssignmentWithAVersionAndACohort() {
        TrafficPlan plan = newPlan();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            Assignment assignment = plan.assign(random.nextLong());
            assertThat(assignment).as("assignment of a key").isNotNull();
            assertThat(assignment.version()).isNotBlank();
            assertThat(assignment.cohort()).isNotBlank();
        }
        assertThat(plan.assign(0L)).isNotNull();
        assertThat(plan.assign(Long.MIN_VALUE)).isNotNull();
        assertThat(plan.assign(Long.MAX_VALUE)).isNotNull();
    }

    @Test
    void theSameKeyAlwaysGetsTheSameAssignment() {
        TrafficPlan plan = newPlan();
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1_000; i++) {
            long key = random.nextLong();
            assertThat(plan.assign(key)).as("key %d", key).isEqualTo(plan.assign(key));
        }
    }

    @Test
    void theShadowSettingsAgree() {
        TrafficPlan plan = newPlan();
        double rate = plan.shadowSampleRate();
        assertThat(rate).as("shadow sample rate").isBetween(0.0, 1.0);
        if (plan.shadowVersion() == null) {
            assertThat(rate).as("shadow sample rate without a shadow version").isZero();
        }
    }

    @Test
    void keysAreSharedBetweenVersionsAsExpected() {
        TrafficPlan plan = newPlan();
        SplittableRandom random = new SplittableRandom(3);
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            counts.merge(plan.assign(random.nextLong()).version(), 1, Integer::sum);
        }
        double tolerance = 5 * Math.sqrt(0.25 / KEYS);
        counts.forEach((version, count) -> assertThat((double) count / KEYS)
                .as("share of keys assigned to %s", version)
                .isCloseTo(expectedShare(version), org.assertj.core.data.Offset.offset(tolerance)));
    }
}
