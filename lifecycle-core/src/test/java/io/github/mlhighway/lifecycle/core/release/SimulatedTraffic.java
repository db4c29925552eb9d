package io.github.mlhighway.lifecycle.core.release;

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
 * A fake serving side: routes seeded random requests through a plan, keeps the last window's counts (for
 * {@link #stats}) and the totals since it was created (for {@link #totals}).
 */
final class SimulatedTraffic implements CohortStatsSource {

    private final Clock clock;
    private final Instant createdAt;
    private final Map<String, long[]> totals = new HashMap<>();
    private final Random random;
    private final String shadowCohort;
    private final Map<String, Double> errorRates = new HashMap<>();
    private Map<String, long[]> window = Map.of();

    SimulatedTraffic(Clock clock, long seed, String shadowCohort) {
        this.clock = clock;
        this.createdAt = clock.instant();
        this.random = new Random(seed);
        this.shadowCohort = shadowCohort;
    }

    SimulatedTraffic errorRate(String version, double rate) {
        errorRates.put(version, rate);
        return this;
    }

    /** Serves one window of requests; the previous window is forgotten. */
    void serve(TrafficPlan plan, int requests) {
        Map<String, long[]> counts = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            Assignment assignment = plan.assign(random.nextLong());
            count(counts, assignment.cohort(), assignment.version());
            if (plan.shadowVersion() != null && random.nextDouble() < plan.shadowSampleRate()) {
                count(counts, shadowCohort, plan.shadowVersion());
            }
        }
        window = counts;
        counts.forEach((cohort, c) -> {
            long[] total = totals.computeIfAbsent(cohort, k -> new long[2]);
            total[0] += c[0];
            total[1] += c[1];
        });
    }

    /** A window in which nothing was served. */
    void silence() {
        window = Map.of();
    }

    private void count(Map<String, long[]> counts, String cohort, String version) {
        long[] c = counts.computeIfAbsent(cohort, k -> new long[2]);
        c[0]++;
        if (random.nextDouble() < errorRates.getOrDefault(version, 0.0)) {
            c[1]++;
        }
    }

    @Override
    public CohortStats stats(String cohort, Duration duration) {
        long[] c = window.getOrDefault(cohort, new long[2]);
        return new CohortStats(cohort, duration, c[0], c[1], 0, 0, 0);
    }

    @Override
    public Optional<CohortStats> totals(String cohort) {
        long[] c = totals.getOrDefault(cohort, new long[2]);
        return Optional.of(new CohortStats(cohort, Duration.between(createdAt, clock.instant()), c[0], c[1], 0, 0,
                0));
    }
}
