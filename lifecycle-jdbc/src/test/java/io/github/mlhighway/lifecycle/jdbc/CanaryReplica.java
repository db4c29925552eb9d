package io.github.mlhighway.lifecycle.jdbc;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.release.CohortTotals;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournal;
import io.github.mlhighway.lifecycle.core.release.ReleaseState;
import io.github.mlhighway.lifecycle.core.release.ReleaseTrafficPlan;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetConfig;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetCountSettings;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetListener;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetRelease;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.serving.RoutingKeys;
import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.release.ReleaseStrategy;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replica of the multi-JVM canary tests: {@code canary URL REPLICA healthy|failing}. Builds a runtime on the
 * PostgreSQL store, serves model {@code rain} (versions {@code rain@1}, {@code rain@2}; the failing candidate throws
 * on every other request), prints {@code ready}, waits for a line on stdin, then joins release {@value #RELEASE}
 * as a fleet replica and serves about 200 requests a second until the release is done. Prints, with the system
 * clock's epoch milliseconds:
 * <ul>
 * <li>{@code lead true|false MILLIS REASON} when it starts or stops driving the release;</li>
 * <li>{@code journal TYPE STEP MILLIS} after each of its own journal writes (while leading);</li>
 * <li>{@code plan PHASE STEP CANDIDATE_PERCENT DIGEST JOURNALED_MILLIS MILLIS} when its plan changes (DIGEST: the versions its
 * plan assigns to the keys {@code user-0..user-999});</li>
 * <li>{@code done PHASE BASELINE_SERVED CANDIDATE_SERVED} at the end, then {@code sent REQUESTS} (every request of
 * the release it served), then {@code closed} once its final count report is written.</li>
 * </ul>
 */
final class CanaryReplica {

    static final String RELEASE = "fleet-canary";
    static final Duration LEASE_TTL = Duration.ofSeconds(4);
    static final Duration RENEW = Duration.ofMillis(500);
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration REPORT_EVERY = Duration.ofMillis(500);

    private CanaryReplica() {
    }

    static ReleaseConfig config() {
        return ReleaseConfig.canary(RELEASE, "rain@1", "rain@2").steps(20, 50, 100).interval(INTERVAL)
                .failureLimit(1).inconclusiveLimit(5).minSample(20).build();
    }

    static void run(String url, String replica, boolean failing) throws Exception {
        Clock clock = Clock.systemUTC();
        try (PostgresStore store = PostgresStore.open(PostgresLocation.parse(url), clock,
                PostgresStoreOptions.defaults().withPoolSize(4));
             Lifecycle lifecycle = Lifecycle.builder().clock(clock).store(store).replicaId(replica)
                     .tickInterval(Duration.ofMillis(100)).incidentsFromAlerts(false).noAutomaticReport().build()) {
            GuardedModel<Long, Long> service = lifecycle.<Long, Long>serving("rain")
                    .version("rain@1", x -> x)
                    .version("rain@2", failing ? CanaryReplica::halfFail : x -> x)
                    .build();
            warmUp(service);
            // The data plane: this replica's counts of the release, in the store every half second; the leader
            // analyses the fleet's sums (a replica silent for longer than the grace makes an analysis INCONCLUSIVE).
            lifecycle.publishCounts(service, RELEASE, replica, REPORT_EVERY);
            say("ready");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            FleetRelease release = lifecycle.releases().release(service, config()).withoutIncidents()
                    .fleetCounts(FleetCountSettings.defaults().withGrace(Duration.ofSeconds(2))
                            .withDepartedAfter(Duration.ofSeconds(5)))
                    .listener(event -> say("journal " + event.type() + " " + event.stepIndex() + " "
                            + System.currentTimeMillis()))
                    .fleet(FleetConfig.replica(replica).withLease(LEASE_TTL, RENEW))
                    .listener(new FleetListener() {
                        @Override
                        public void leadershipChanged(FleetRelease r, boolean leading, String reason) {
                            say("lead " + leading + " " + System.currentTimeMillis() + " " + reason);
                        }

                        @Override
                        public void planChanged(FleetRelease r, ReleaseState state, Instant journaledAt) {
                            long now = System.currentTimeMillis();
                            say("plan " + state.phase() + " " + state.stepIndex() + " "
                                    + ((ReleaseTrafficPlan) r.plan()).candidateWeight()
                                    + " " + digest(r.plan()) + " " + journaledAt.toEpochMilli() + " " + now);
                        }
                    })
                    .open();
            lifecycle.start();
            AtomicLong baseline = new AtomicLong();
            AtomicLong candidate = new AtomicLong();
            Random random = new Random(replica.hashCode());
            long request = 0;
            long sent = 0;
            while (!release.isDone()) {
                String key = "user-" + random.nextInt(10_000);
                String id = replica + "-" + request++;
                Assignment assignment = service.trafficPlan().assign(RoutingKeys.hash(key));
                try {
                    service.predict(id, key, request);
                } catch (RuntimeException e) {
                    // The failing candidate: counted as an error by the model.
                }
                sent++;
                (assignment.version().equals("rain@1") ? baseline : candidate).incrementAndGet();
                Thread.sleep(5);
            }
            say("done " + release.state().orElseThrow().phase() + " " + baseline.get() + " " + candidate.get());
            say("sent " + sent); // serving stopped: closing the runtime writes the final count report
        }
        say("closed");
    }

    /** What a JVM that has served for a while has done already: load and compile the serving and journal code. */
    private static void warmUp(GuardedModel<Long, Long> service) {
        for (long i = 0; i < 2_000; i++) {
            try {
                service.predict("warm-up-" + i, "warm-up-" + i, i);
            } catch (RuntimeException e) {
                // The failing candidate is not routed to yet; nothing to do.
            }
        }
        ReleaseState state = new ReleaseState(RELEASE, ReleaseStrategy.CANARY, "rain@1", "rain@2",
                ReleasePhase.PROGRESSING, 0, 20, 0, 0, 0, Instant.EPOCH, "warm-up", CohortTotals.ZERO,
                CohortTotals.ZERO);
        Json.read(Json.write(new ReleaseJournal.Document(state, List.of())), ReleaseJournal.Document.class);
    }

    private static Long halfFail(Long x) {
        if (x % 2 == 0) {
            throw new IllegalStateException("candidate failure on request " + x);
        }
        return x;
    }

    private static String digest(TrafficPlan plan) {
        StringBuilder versions = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            versions.append(plan.assign(RoutingKeys.hash("user-" + i)).version()).append(',');
        }
        return Integer.toHexString(versions.toString().hashCode());
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
