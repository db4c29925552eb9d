package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The fleet's summed counts, as the data plane would give them: every replica serves through its own plan and
 * counts into this one source (what a fleet-wide source sums from the replicas' published counters).
 */
final class FleetTraffic implements CohortStatsSource {

    private final Clock clock;
    private final Instant createdAt;
    private final Random random;
    private final Map<String, Double> errorRates = new HashMap<>();
    private final Map<String, long[]> totals = new HashMap<>();

    FleetTraffic(Clock clock, long seed) {
        this.clock = clock;
        this.createdAt = clock.instant();
        this.random = new Random(seed);
    }

    FleetTraffic errorRate(String version, double rate) {
        errorRates.put(version, rate);
        return this;
    }

    /** One replica serves {@code requests} random keys through its plan. */
    synchronized void serve(TrafficPlan plan, int requests) {
        for (int i = 0; i < requests; i++) {
            Assignment assignment = plan.assign(random.nextLong());
            long[] c = totals.computeIfAbsent(assignment.cohort(), k -> new long[2]);
            c[0]++;
            if (random.nextDouble() < errorRates.getOrDefault(assignment.version(), 0.0)) {
                c[1]++;
            }
        }
    }

    @Override
    public synchronized CohortStats stats(String cohort, Duration window) {
        long[] c = totals.getOrDefault(cohort, new long[2]);
        return new CohortStats(cohort, window, c[0], c[1], 0, 0, 0);
    }

    @Override
    public synchronized Optional<CohortStats> totals(String cohort) {
        long[] c = totals.getOrDefault(cohort, new long[2]);
        return Optional.of(new CohortStats(cohort, Duration.between(createdAt, clock.instant()), c[0], c[1], 0, 0,
                0));
    }
}
