package io.github.mlhighway.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.release.fleet.CountPublisher;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetCohortStats;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetCountSettings;
import io.github.mlhighway.lifecycle.core.release.fleet.ReplicaId;
import io.github.mlhighway.lifecycle.core.release.fleet.ReplicaStatus;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fleet counts on a real PostgreSQL: three replicas, each on its own store connection pool (as three JVMs would
 * be), report to one database; a release controller on a fourth reads their sums. Time is simulated.
 */
@ExtendWith(PostgresExtension.class)
class FleetCountsPostgresTest {

    private static final String RELEASE = "rain-v3";
    private static final Duration EVERY = Duration.ofSeconds(10);

    private final String url = PostgresExtension.server().newDatabase();
    private final TestClock clock = TestClock.create();
    private final List<PostgresStore> stores = new ArrayList<>();
    private final List<Replica> replicas = new ArrayList<>();
    private final List<Long> sentPerMinute = new ArrayList<>();
    private int requestIds;

    /** One serving process: its own store pool, guarded model and publisher. */
    private final class Replica {
        final GuardedModel<Integer, Integer> model = GuardedModel.<Integer, Integer>builder("rain")
                .version("rain@2", x -> x).version("rain@3", x -> x).clock(clock).nanoTime(() -> 0L).build();
        final CountPublisher counts;
        boolean silent;

        Replica(String name, String incarnation) {
            counts = CountPublisher.of(store(), RELEASE, new ReplicaId(name, incarnation), model, clock, EVERY);
            counts.tick();
        }
    }

    private PostgresStore store() {
        PostgresStore store = PostgresStore.open(url, clock);
        stores.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        stores.forEach(PostgresStore::close);
    }

    private ReleaseController open(FleetCohortStats fleet) {
        PostgresStore leader = store();
        for (String name : List.of("pod-a", "pod-b", "pod-c")) {
            replicas.add(new Replica(name, "i1"));
        }
        return ReleaseController.builder(ReleaseConfig.canary(RELEASE, "rain@2", "rain@3").build(), leader, fleet,
                clock).open();
    }

    private void minute(ReleaseController release) {
        long sent = 0;
        for (int step = 0; step < 6; step++) {
            for (Replica replica : replicas) {
                replica.model.trafficPlan(release.plan());
                for (int i = 0; i < 150; i++, requestIds++) {
                    replica.model.predict("r" + requestIds, "user-" + requestIds, 1);
                }
                sent += 150;
            }
            clock.advance(EVERY);
            for (Replica replica : replicas) {
                if (!replica.silent) {
                    replica.counts.tick();
                }
            }
        }
        sentPerMinute.add(sent);
        release.tick();
    }

    private static List<JournalEntry> analyses(ReleaseController release) {
        return release.journal().stream().filter(e -> e.type() == ReleaseEventType.ANALYSIS).toList();
    }

    private static long requests(JournalEntry analysis) {
        return analysis.stats().stream().mapToLong(CohortStats::requests).sum();
    }

    private static List<Finding> findings(JournalEntry analysis, String check) {
        return analysis.verdict().findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    @Test
    void threeReplicasOnPostgresAddUpExactlyASilentOneMakesTheAnalysisInconclusiveAndARestartIsNoSourceRestart() {
        FleetCohortStats fleet = FleetCohortStats.source(store(), RELEASE, clock,
                FleetCountSettings.defaults().withDepartedAfter(Duration.ofSeconds(90)));
        ReleaseController release = open(fleet);

        minute(release);                                   // step 0: every replica reported, PASS
        assertThat(requests(analyses(release).get(0))).isEqualTo(sentPerMinute.get(0));
        replicas.get(2).silent = true;
        minute(release);                                   // pod-c served but did not report
        JournalEntry inconclusive = analyses(release).get(1);
        assertThat(inconclusive.verdict().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(findings(inconclusive, "stats.gap")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("pod-c (incarnation i1)"));
        replicas.get(2).silent = false;
        replicas.get(1).counts.publish();                  // a retried report: the same absolute counts again
        replicas.get(1).counts.publish();
        replicas.set(1, new Replica("pod-b", "i2"));       // pod-b restarts as a new incarnation
        while (!release.state().phase().isTerminal() && analyses(release).size() < 10) {
            minute(release);
        }

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(analyses(release).get(2).verdict().outcome()).isIn(Outcome.PASS, Outcome.WARN);
        assertThat(analyses(release).stream().flatMap(a -> findings(a, "stats.restart").stream())).isEmpty();
        long analysed = analyses(release).stream().mapToLong(FleetCountsPostgresTest::requests).sum();
        assertThat(analysed).as("every request served, counted once over all analyses")
                .isEqualTo(sentPerMinute.stream().mapToLong(Long::longValue).sum());
        assertThat(fleet.replicas(clock.instant())).extracting(s -> s.replica().name() + ":" + s.state())
                .containsExactly("pod-a:REPORTING", "pod-b:REPLACED", "pod-b:REPORTING", "pod-c:REPORTING");
    }

    @Test
    void replicasReportingConcurrentlyThroughTheirOwnPoolsNeverLoseOrDoubleACount() throws Exception {
        FleetCohortStats fleet = FleetCohortStats.source(store(), RELEASE, clock);
        List<Replica> fleetOfFour = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fleetOfFour.add(new Replica("pod-" + i, "i1"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < fleetOfFour.size(); r++) {
                Replica replica = fleetOfFour.get(r);
                int index = r;
                running.add(threads.submit(() -> {
                    replica.model.trafficPlan(io.github.mlhighway.lifecycle.release.TrafficPlan.single("rain@3",
                            "canary"));
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < 10; i++) {
                            replica.model.predict(index + "-" + round + "-" + i, "k", 1);
                        }
                        replica.counts.publish();
                    }
                    return null;
                }));
            }
            long previous = 0;
            while (running.stream().anyMatch(f -> !f.isDone())) {
                long now = fleet.totals("canary").orElseThrow().requests();
                assertThat(now).as("the sum never goes down while replicas write").isGreaterThanOrEqualTo(previous);
                previous = now;
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(fleet.totals("canary").orElseThrow().requests()).isEqualTo(4 * 50 * 10);
        assertThat(fleet.replicas(clock.instant())).extracting(ReplicaStatus::state)
                .containsOnly(ReplicaStatus.State.REPORTING);
        assertThat(fleet.gaps(clock.instant())).isEmpty();
    }
}
