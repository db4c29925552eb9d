package io.github.mlhighway.lifecycle.core.release.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One canary served by three in-process replicas, each with its own guarded model and count publisher, analysed by
 * one release controller reading the fleet's sums.
 */
class FleetReleaseTest {

    private static final String RELEASE = "rain-v3";
    private static final int REQUESTS_PER_STEP = 200;

    private final SimClock clock = SimClock.atDefault();
    private final Store store = Stores.inMemory(clock);
    private final FleetCohortStats fleet = FleetCohortStats.source(store, RELEASE, clock,
            FleetCountSettings.defaults().withDepartedAfter(Duration.ofSeconds(90)));
    private final List<ServingReplica> replicas = new ArrayList<>();
    private final Set<ServingReplica> silent = new HashSet<>();
    private final List<Long> sentPerMinute = new ArrayList<>();

    private ServingReplica replica(String name, String incarnation) {
        ServingReplica replica = new ServingReplica(store, RELEASE, new ReplicaId(name, incarnation), clock);
        replica.counts.tick(); // known to the fleet before it serves
        return replica;
    }

    private ReleaseController open() {
        for (String name : List.of("pod-a", "pod-b", "pod-c")) {
            replicas.add(replica(name, "i1"));
        }
        return ReleaseController.builder(ReleaseConfig.canary(RELEASE, "rain@2", "rain@3").build(), store, fleet,
                clock).open();
    }

    /** A minute of traffic in six ten-second steps, each replica reporting after each step, then the analysis. */
    private ReleaseController minute(ReleaseController release) {
        long sent = 0;
        for (int step = 0; step < 6; step++) {
            for (ServingReplica replica : replicas) {
                replica.serve(release.plan(), REQUESTS_PER_STEP);
                sent += REQUESTS_PER_STEP;
            }
            clock.advance(ServingReplica.EVERY);
            for (ServingReplica replica : replicas) {
                if (!silent.contains(replica)) {
                    replica.counts.tick();
                }
            }
        }
        sentPerMinute.add(sent);
        release.tick();
        return release;
    }

    private static List<JournalEntry> analyses(ReleaseController release) {
        return release.journal().stream().filter(e -> e.type() == ReleaseEventType.ANALYSIS).toList();
    }

    private static long requests(JournalEntry analysis) {
        return analysis.stats().stream().mapToLong(CohortStats::requests).sum();
    }

    private static List<Finding> findings(ReleaseController release, String check) {
        return analyses(release).stream().flatMap(e -> e.verdict().findings().stream())
                .filter(f -> f.check().equals(check)).toList();
    }

    @Test
    void aHealthyCanaryOverThreeReplicasIsPromotedAndEachAnalysisCountsExactlyTheRequestsOfItsMinute() {
        ReleaseController release = open();

        for (int m = 0; m < 6 && !release.state().phase().isTerminal(); m++) {
            minute(release);
        }

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        List<JournalEntry> analyses = analyses(release);
        assertThat(analyses).hasSize(4).allSatisfy(a -> assertThat(a.verdict().outcome()).isEqualTo(Outcome.PASS));
        assertThat(analyses.stream().map(FleetReleaseTest::requests).toList())
                .isEqualTo(sentPerMinute.subList(0, 4));
        assertThat(findings(release, "stats.restart")).isEmpty();
    }

    @Test
    void aSilentReplicaMakesTheAnalysisInconclusiveNamingItAndTheNextReportBringsEverythingBack() {
        ReleaseController release = open();
        minute(release);
        silent.add(replicas.get(2));

        minute(release);

        JournalEntry inconclusive = analyses(release).get(1);
        assertThat(inconclusive.verdict().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(inconclusive.verdict().findings()).filteredOn(f -> f.check().equals("stats.gap"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("pod-c (incarnation i1)")
                        .contains("has not reported since"));
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROGRESSING);
        int stepBefore = release.state().stepIndex();

        silent.clear();
        minute(release);

        JournalEntry recovered = analyses(release).get(2);
        assertThat(recovered.verdict().outcome()).isEqualTo(Outcome.PASS);
        assertThat(release.state().stepIndex()).isEqualTo(stepBefore + 1);
        long analysed = analyses(release).stream().mapToLong(FleetReleaseTest::requests).sum();
        assertThat(analysed).isEqualTo(sentPerMinute.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aDepartedReplicaIsNotedItsCountsAreKeptAndTheReleaseGoesOn() {
        ReleaseController release = open();
        minute(release);
        ServingReplica gone = replicas.remove(2); // killed: it neither serves nor reports any more

        minute(release); // silent for 60 s: late, a gap
        minute(release); // silent for 120 s: departed
        while (!release.state().phase().isTerminal() && analyses(release).size() < 10) {
            minute(release);
        }

        assertThat(analyses(release).get(1).verdict().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(analyses(release).get(2).verdict().outcome()).isEqualTo(Outcome.WARN);
        assertThat(findings(release, "stats.note")).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.WARN);
            assertThat(f.message()).contains("pod-c (incarnation i1)").contains("departed")
                    .contains("kept in the fleet's counts");
        });
        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        long analysed = analyses(release).stream().mapToLong(FleetReleaseTest::requests).sum();
        assertThat(analysed).isEqualTo(sentPerMinute.stream().mapToLong(Long::longValue).sum());
        assertThat(gone.counts.lastReport()).isPresent();
    }

    @Test
    void aRestartedReplicaKeepsTheSumsMonotonicAndIsNotMistakenForARestartOfTheSource() {
        ReleaseController release = open();
        minute(release);
        // pod-b dies after serving 50 requests it never reported, and comes back as a new incarnation.
        ServingReplica dead = replicas.get(1);
        dead.serve(release.plan(), 50);
        clock.advance(Duration.ofSeconds(3));
        replicas.set(1, replica("pod-b", "i2"));
        long before = fleet.totals("baseline").orElseThrow().requests() + fleet.totals("canary").orElseThrow()
                .requests();

        while (!release.state().phase().isTerminal() && analyses(release).size() < 10) {
            minute(release);
            long now = fleet.totals("baseline").orElseThrow().requests() + fleet.totals("canary").orElseThrow()
                    .requests();
            assertThat(now).isGreaterThanOrEqualTo(before);
            before = now;
        }

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(findings(release, "stats.restart")).isEmpty();
        assertThat(findings(release, "stats.note")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("pod-b").contains("i1 was replaced by i2"));
        long analysed = analyses(release).stream().mapToLong(FleetReleaseTest::requests).sum();
        assertThat(analysed).as("every reported request, once; the 50 the dead incarnation never reported are lost")
                .isEqualTo(sentPerMinute.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void replicasThatStartAfterTheControllerOpenedAreNotMistakenForARestartOfTheSource() {
        ReleaseController release = ReleaseController.builder(ReleaseConfig.canary(RELEASE, "rain@2", "rain@3")
                .build(), store, fleet, clock).open(); // no replica has reported yet: the fleet counted nothing
        clock.advance(Duration.ofSeconds(5));
        for (String name : List.of("pod-a", "pod-b")) {
            replicas.add(replica(name, "i1")); // counting from 5 s after the controller's mark
        }

        minute(release);

        assertThat(analyses(release)).singleElement().satisfies(a -> {
            assertThat(a.verdict().outcome()).isEqualTo(Outcome.PASS);
            assertThat(requests(a)).isEqualTo(sentPerMinute.get(0));
        });
        assertThat(findings(release, "stats.restart")).isEmpty();
    }
}
