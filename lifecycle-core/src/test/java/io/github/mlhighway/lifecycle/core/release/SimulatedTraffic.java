package io.github.mlhighway.lifecycle.core.release;

import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** A fake serving side: routes seeded random requests through a plan and keeps the last window's counts. */
final class SimulatedTraffic implements CohortStatsSource {

    private final Random random;
    private final String shadowCohort;
    private final Map<String, Double> errorRates = new HashMap<>();
    private Map<String, long[]> window = Map.of();

    SimulatedTraffic(long seed, String shadowCohort) {
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
}
