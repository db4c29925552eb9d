package io.github.mlhighway.lifecycle.core.release.fleet;

import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Clock;
import java.time.Duration;

/** One in-process replica: its own guarded model (baseline and candidate), and its count publisher. */
final class ServingReplica {

    static final Duration EVERY = Duration.ofSeconds(10);

    final GuardedModel<Integer, Integer> model;
    final CountPublisher counts;
    private int requestIds;

    ServingReplica(Store store, String releaseId, ReplicaId id, Clock clock) {
        this.model = model(clock);
        this.counts = CountPublisher.of(store, releaseId, id, model, clock, EVERY);
    }

    static GuardedModel<Integer, Integer> model(Clock clock) {
        return GuardedModel.<Integer, Integer>builder("rain")
                .version("rain@2", ServingReplica::answer)
                .version("rain@3", ServingReplica::answer)
                .clock(clock)
                .nanoTime(() -> 0L)
                .fallback(x -> 0)
                .build();
    }

    /** Fails for negative inputs (counted as errors, answered by the fallback). */
    private static Integer answer(Integer x) {
        if (x < 0) {
            throw new IllegalStateException("model failed on " + x);
        }
        return x;
    }

    /** Serves requests of one cohort, the first {@code errors} of them failing. */
    ServingReplica serve(String cohort, int requests, int errors) {
        model.trafficPlan(TrafficPlan.single(cohort.equals("canary") ? "rain@3" : "rain@2", cohort));
        for (int i = 0; i < requests; i++) {
            model.predict("r" + requestIds++, "user-" + i, i < errors ? -1 : 1);
        }
        return this;
    }

    /** Serves requests by a plan (a release's), with a routing key per request. */
    ServingReplica serve(TrafficPlan plan, int requests) {
        model.trafficPlan(plan);
        for (int i = 0; i < requests; i++) {
            int id = requestIds++;
            model.predict("r" + id, "user-" + id, 1);
        }
        return this;
    }

    long requests(String cohort) {
        return model.totals(cohort).orElseThrow().requests();
    }
}
