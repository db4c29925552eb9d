package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link TrafficPlan} SPI as tests. Extend it, supply the plan and describe what it should do
 * with an {@link ExpectedPlan}:
 *
 * <pre>{@code
 * class MyPlanContractTest extends TrafficPlanContract {
 *     protected TrafficPlan newPlan() { return myController.plan(); }
 *     protected ExpectedPlan expectedPlan() { return ExpectedPlan.split("rain@2", "baseline", "rain@3", "canary", 0.05); }
 * }
 * }</pre>
 *
 * <p>The rules, and the tests that assert them:
 * <ul>
 *   <li><b>Assignments</b>: every key, edge values included, gets a non-null assignment whose version is one of
 *       the expected plan's and whose cohort is that version's cohort; a version the plan lacks is never assigned
 *       ({@link #everyKeyGetsAnAssignmentOfAPlannedVersionInItsCohort}).</li>
 *   <li><b>Shares</b>: over {@value #KEYS} random keys each version's share is the expected one within five
 *       standard errors of a binomial share, {@code 5 * sqrt(p * (1 - p) / KEYS)}, so the tolerance scales with the
 *       weight (±0.0011 at 1%, ±0.0024 at 5%, ±0.0056 at 50%, exactly 0 or 1 at the ends); a correct plan fails a
 *       check with probability about 5.7e-7 per version (the two tails beyond 5σ), and the keys come from a fixed
 *       seed, so a given plan passes or fails the same way on every run
 *       ({@link #keysAreSharedBetweenVersionsAsExpected}).</li>
 *   <li><b>Stickiness</b>: a key keeps its assignment after time passes ({@link #letTimePass()}), after
 *       {@value #FLUSH_KEYS} other keys were assigned (more than a cache of recent keys would hold), in another
 *       order, on another thread and on another instance of the same plan from {@link #newPlan()}
 *       ({@link #theSameKeyKeepsItsAssignment}).</li>
 *   <li><b>Growth</b>: across {@link #plansAsTheCandidateGrows()}, a key only ever moves from the baseline to a
 *       candidate, never back and never between candidates ({@link #keysMoveOnlyFromTheBaselineAsTheWeightGrows});
 *       skipped when the hook returns no plans.</li>
 *   <li><b>Shadow</b>: the shadow version and rate are the expected ones, the rate in [0, 1] and 0 without a
 *       shadow version ({@link #theShadowSettingsAreTheExpectedOnes}).</li>
 *   <li><b>Allocation-free</b>: once warmed up, {@value #MEASURED_CALLS} calls of {@code assign} allocate less
 *       than one byte per call on the calling thread, as measured by
 *       {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes} (skipped on a JVM without it)
 *       ({@link #assignAllocatesNothing}).</li>
 *   <li><b>Lock-free</b>: {@value #THREADS} threads calling {@code assign} at once never block on a monitor nor
 *       wait (park) inside it, as counted by {@link ThreadInfo#getBlockedCount()} and
 *       {@link ThreadInfo#getWaitedCount()} ({@link #assignNeverBlocksNorWaits}). A lock that is never contended
 *       is not seen; on one core contention may not arise, so the kit cannot prove lock-freedom, only catch a lock
 *       that is taken under contention.</li>
 * </ul>
 *
 * @since 0.1
 */
public abstract class TrafficPlanContract {

    /** Keys drawn to check assignment shares. */
    protected static final int KEYS = 200_000;
    /** Other keys assigned between two looks at the same keys, to push them out of any recent-key cache. */
    protected static final int FLUSH_KEYS = 200_000;
    /** Calls of {@code assign} whose allocation is measured. */
    protected static final int MEASURED_CALLS = 200_000;
    /** Threads calling {@code assign} at once in the lock test. */
    protected static final int THREADS = 4;

    private static final long[] EDGE_KEYS = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1,
        Long.MAX_VALUE - 1, 9_999L, 10_000L, -10_000L, 1L << 32, 1L << 62, Integer.MIN_VALUE, Integer.MAX_VALUE};

    private volatile @Nullable Object sink;

    /** Creates the contract; subclasses are JUnit test classes. */
    protected TrafficPlanContract() {
    }

    /**
     * A plan under test, in a state that does not change during a test. Each call returns another instance of the
     * same plan (same release, same weights), which must assign every key as the others do.
     *
     * @return the plan
     */
    protected abstract TrafficPlan newPlan();

    /**
     * What the plan from {@link #newPlan()} should do.
     *
     * @return the expected plan
     */
    protected abstract ExpectedPlan expectedPlan();

    /**
     * Plans of one release as its candidate's weight grows, in order (e.g. at 1%, 5%, 25%, 50%), each routing to
     * the baseline of {@link #expectedPlan()}. The default returns none, which skips the growth test.
     *
     * @return the plans, by growing weight
     */
    protected List<TrafficPlan> plansAsTheCandidateGrows() {
        return List.of();
    }

    /**
     * Lets time pass between two looks at the same keys. The default sleeps 1.1 seconds, enough for a plan that
     * (wrongly) mixes the wall clock's seconds into its routing to change; a plan on an injected clock may
     * override this to advance that clock instead.
     *
     * @throws InterruptedException if interrupted
     */
    protected void letTimePass() throws InterruptedException {
        Thread.sleep(1_100);
    }

    /** Every key gets a non-null assignment of a version of the plan, in that version's cohort. */
    @Test
    protected void everyKeyGetsAnAssignmentOfAPlannedVersionInItsCohort() {
        TrafficPlan plan = newPlan();
        ExpectedPlan expected = expectedPlan();
        SplittableRandom random = new SplittableRandom(1);
        for (long key : EDGE_KEYS) {
            checkAssignment(plan, expected, key);
        }
        for (int i = 0; i < KEYS; i++) {
            checkAssignment(plan, expected, random.nextLong());
        }
    }

    /** The share of keys each version gets is the expected one, within a tolerance that scales with it. */
    @Test
    protected void keysAreSharedBetweenVersionsAsExpected() {
        TrafficPlan plan = newPlan();
        ExpectedPlan expected = expectedPlan();
        SplittableRandom random = new SplittableRandom(3);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            Assignment assignment = plan.assign(random.nextLong());
            assertThat(assignment).as("an assignment").isNotNull();
            counts.merge(assignment.version(), 1, Integer::sum);
        }
        assertThat(expected.versions()).as("versions expected").containsAll(counts.keySet());
        for (ExpectedPlan.Route route : expected.routes()) {
            double p = route.share();
            double tolerance = 5 * Math.sqrt(p * (1 - p) / KEYS);
            double observed = counts.getOrDefault(route.version(), 0) / (double) KEYS;
            assertThat(observed).as("share of %d keys assigned to %s (expected %s ± %s)", KEYS, route.version(), p,
                    tolerance).isCloseTo(p, Offset.offset(tolerance));
        }
    }

    /**
     * A key keeps its assignment across time, beyond a recent-key cache, in any order, on another thread and on
     * another instance of the plan.
     *
     * @throws Exception if the other thread fails or the pause is interrupted
     */
    @Test
    protected void theSameKeyKeepsItsAssignment() throws Exception {
        TrafficPlan plan = newPlan();
        SplittableRandom random = new SplittableRandom(2);
        long[] keys = new long[10_000];
        Assignment[] first = new Assignment[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
            first[i] = plan.assign(keys[i]);
            assertThat(plan.assign(keys[i])).as("key %d asked twice in a row", keys[i]).isEqualTo(first[i]);
        }

        letTimePass();
        checkSame(plan, keys, first, "after time passed");

        for (int i = 0; i < FLUSH_KEYS; i++) {
            sink = plan.assign(random.nextLong());
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            assertThat(plan.assign(keys[i])).as("key %d after %d other keys, asked in reverse order", keys[i],
                    FLUSH_KEYS).isEqualTo(first[i]);
        }

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> checkSame(plan, keys, first, "on another thread")).get(60, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        checkSame(newPlan(), keys, first, "on another instance from newPlan()");
    }

    /** As the candidate's weight grows, keys only move from the baseline to a candidate, never back. */
    @Test
    protected void keysMoveOnlyFromTheBaselineAsTheWeightGrows() {
        List<TrafficPlan> plans = plansAsTheCandidateGrows();
        Assumptions.assumeTrue(plans.size() >= 2,
                "plansAsTheCandidateGrows() returned fewer than two plans, so growth is not checked");
        String baseline = expectedPlan().baseline().version();
        SplittableRandom random = new SplittableRandom(4);
        int moved = 0;
        for (int i = 0; i < 50_000; i++) {
            long key = random.nextLong();
            String previous = plans.get(0).assign(key).version();
            for (int step = 1; step < plans.size(); step++) {
                String now = plans.get(step).assign(key).version();
                if (!now.equals(previous)) {
                    if (!previous.equals(baseline)) {
                        fail("Key " + key + " moved from " + previous + " to " + now + " at plan " + step
                                + " as the weight grew; keys may only move from the baseline " + baseline);
                    }
                    moved++;
                }
                previous = now;
            }
        }
        assertThat(moved).as("keys moved from the baseline across the growing plans").isPositive();
    }

    /** The shadow version and rate are the expected ones. */
    @Test
    protected void theShadowSettingsAreTheExpectedOnes() {
        TrafficPlan plan = newPlan();
        ExpectedPlan expected = expectedPlan();
        double rate = plan.shadowSampleRate();
        assertThat(rate).as("shadow sample rate").isBetween(0.0, 1.0);
        if (plan.shadowVersion() == null) {
            assertThat(rate).as("shadow sample rate without a shadow version").isZero();
        }
        assertThat(plan.shadowVersion()).as("shadow version").isEqualTo(expected.shadowVersion());
        assertThat(rate).as("shadow sample rate").isCloseTo(expected.shadowRate(), Offset.offset(1e-12));
    }

    /** Once warmed up, {@code assign} allocates nothing on the calling thread. */
    @Test
    protected void assignAllocatesNothing() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "this JVM has no com.sun.management.ThreadMXBean, so allocation is not measured");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "thread allocation measurement is not enabled on this JVM");
        TrafficPlan plan = newPlan();
        long[] keys = new SplittableRandom(5).longs(4096).toArray();
        for (int round = 0; round < 20; round++) {
            callAssign(plan, keys, MEASURED_CALLS);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        callAssign(plan, keys, MEASURED_CALLS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by %d warmed-up calls of assign", MEASURED_CALLS)
                .isLessThan(MEASURED_CALLS);
    }

    /**
     * Threads calling {@code assign} at once never block nor wait inside it.
     *
     * @throws Exception if a thread fails
     */
    @Test
    protected void assignNeverBlocksNorWaits() throws Exception {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        TrafficPlan plan = newPlan();
        long[] keys = new SplittableRandom(6).longs(4096).toArray();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(THREADS);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(pool.submit(() -> {
                    start.countDown();
                    start.await();
                    long id = Thread.currentThread().getId();
                    ThreadInfo before = bean.getThreadInfo(id);
                    callAssign(plan, keys, 1_000_000);
                    ThreadInfo after = bean.getThreadInfo(id);
                    return (after.getBlockedCount() - before.getBlockedCount())
                            + (after.getWaitedCount() - before.getWaitedCount());
                }));
            }
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).as("times %d threads calling assign blocked on a monitor or waited", THREADS).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private void callAssign(TrafficPlan plan, long[] keys, int calls) {
        Object last = null;
        for (int i = 0; i < calls; i++) {
            last = plan.assign(keys[i & (keys.length - 1)]);
            if (last == null) {
                fail("assign returned null");
            }
        }
        sink = last;
    }

    private static void checkAssignment(TrafficPlan plan, ExpectedPlan expected, long key) {
        Assignment assignment = plan.assign(key);
        assertThat(assignment).as("assignment of key %d", key).isNotNull();
        ExpectedPlan.Route route = expected.route(assignment.version()).orElse(null);
        if (route == null) {
            fail("Key " + key + " was assigned to " + assignment.version() + ", which the plan does not contain "
                    + expected.versions());
        }
        assertThat(assignment.cohort()).as("cohort of key %d, assigned to %s", key, assignment.version())
                .isEqualTo(route.cohort());
    }

    private static void checkSame(TrafficPlan plan, long[] keys, Assignment[] first, String when) {
        for (int i = 0; i < keys.length; i++) {
            assertThat(plan.assign(keys[i])).as("key %d %s", keys[i], when).isEqualTo(first[i]);
        }
    }
}
