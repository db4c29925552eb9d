package io.github.mlhighway.lifecycle.core.release.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetCohortStatsTest {

    private static final String RELEASE = "rain-v3";

    private final SimClock clock = SimClock.atDefault();
    private final LostAckStore store = new LostAckStore(Stores.inMemory(clock));
    private final FleetCohortStats fleet = FleetCohortStats.source(store, RELEASE, clock,
            FleetCountSettings.defaults().withGrace(Duration.ofSeconds(2)).withDepartedAfter(Duration.ofMinutes(1)));

    private ServingReplica replica(String name) {
        return new ServingReplica(store, RELEASE, new ReplicaId(name, "i1"), clock);
    }

    private CohortStats totals(String cohort) {
        return fleet.totals(cohort).orElseThrow();
    }

    @Test
    void theFleetsTotalsAreTheSumOfEveryReplicasLatestReport() {
        ServingReplica a = replica("pod-a").serve("baseline", 40, 2).serve("canary", 7, 1);
        ServingReplica b = replica("pod-b").serve("baseline", 25, 0).serve("canary", 3, 3);
        ServingReplica c = replica("pod-c"); // up, serving nothing yet
        clock.advance(Duration.ofSeconds(10));
        a.counts.tick();
        b.counts.tick();
        c.counts.tick();

        assertThat(totals("baseline")).isEqualTo(new CohortStats("baseline", Duration.ofSeconds(10), 65, 2, 0, 0, 0));
        assertThat(totals("canary")).isEqualTo(new CohortStats("canary", Duration.ofSeconds(10), 10, 4, 0, 0, 0));
        assertThat(fleet.replicas(clock.instant())).extracting(ReplicaStatus::state)
                .containsOnly(ReplicaStatus.State.REPORTING).hasSize(3);
        assertThat(fleet.gaps(clock.instant())).isEmpty();
    }

    @Test
    void aReplicaCountsNothingItServedBeforeItsPublisherStarted() {
        var model = ServingReplica.model(clock);
        model.trafficPlan(io.github.mlhighway.lifecycle.release.TrafficPlan.single("rain@3", "canary"));
        for (int i = 0; i < 9; i++) {
            model.predict("old-" + i, "user", 1); // an earlier release that used the same cohort name
        }
        CountPublisher counts = CountPublisher.of(store, RELEASE, new ReplicaId("pod-a", "i1"), model, clock,
                ServingReplica.EVERY);
        for (int i = 0; i < 4; i++) {
            model.predict("new-" + i, "user", 1);
        }
        counts.tick();

        assertThat(totals("canary").requests()).isEqualTo(4);
    }

    @Test
    void aReportWrittenTwiceOrRetriedAfterALostAcknowledgementCountsOnce() {
        ServingReplica a = replica("pod-a").serve("canary", 10, 1);
        a.counts.tick();
        a.counts.publish(); // the same counts again
        a.counts.publish();
        assertThat(totals("canary").requests()).isEqualTo(10);

        a.serve("canary", 5, 0);
        store.loseNextAck(); // applied, but the publisher is told it failed
        assertThatThrownBy(a.counts::publish).isInstanceOf(StoreException.class);
        a.serve("canary", 2, 0);
        a.counts.publish(); // the retry finds its own earlier attempt in the store and writes over it

        assertThat(totals("canary")).extracting(CohortStats::requests, CohortStats::errors).containsExactly(17L, 1L);
        assertThat(fleet.gaps(clock.instant())).isEmpty();
    }

    @Test
    void aFailedReportIsRetriedOnTheNextTickWithTheCountsOfThen() {
        ServingReplica a = replica("pod-a").serve("canary", 10, 0);
        a.counts.tick();
        clock.advance(ServingReplica.EVERY);
        a.serve("canary", 3, 0);
        store.failNextWrite();

        assertThatThrownBy(a.counts::tick).isInstanceOf(StoreException.class).hasMessageContaining("refused");
        assertThat(totals("canary").requests()).isEqualTo(10);
        clock.advance(Duration.ofSeconds(1));
        a.serve("canary", 1, 0);
        a.counts.tick(); // still due

        assertThat(totals("canary").requests()).isEqualTo(14);
    }

    @Test
    void aSilentReplicaThatServedTrafficIsAGapNamingItUntilItReportsAgain() {
        ServingReplica a = replica("pod-a").serve("canary", 10, 0);
        ServingReplica b = replica("pod-b").serve("canary", 10, 0);
        a.counts.tick();
        b.counts.tick();
        for (int i = 0; i < 2; i++) {
            clock.advance(ServingReplica.EVERY);
            a.serve("canary", 10, 0).counts.tick();
            b.serve("canary", 10, 0); // serves, but its reports do not arrive
        }

        // pod-b's last report is 20 s old: more than its 10 s interval plus the 2 s grace.
        List<String> gaps = fleet.gaps(clock.instant());
        assertThat(gaps).singleElement().asString().contains("pod-b (incarnation i1)").contains("served 10 requests")
                .contains("has not reported since 2026-01-01T00:00:00Z").contains("missing");
        assertThat(totals("canary").requests()).isEqualTo(40);

        b.counts.tick();

        assertThat(fleet.gaps(clock.instant())).isEmpty();
        assertThat(totals("canary").requests()).isEqualTo(60); // its counts bring everything it missed
    }

    @Test
    void aReplicaIsLateOnlyAfterItsIntervalPlusTheGrace() {
        ServingReplica a = replica("pod-a").serve("canary", 1, 0);
        a.counts.tick();

        clock.advance(Duration.ofSeconds(12));
        assertThat(fleet.gaps(clock.instant())).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(fleet.gaps(clock.instant())).hasSize(1);
        assertThat(fleet.replicas(clock.instant())).extracting(ReplicaStatus::state)
                .containsExactly(ReplicaStatus.State.LATE);
    }

    @Test
    void aSilentReplicaThatNeverServedIsNoGap() {
        replica("pod-a").counts.tick();
        clock.advance(Duration.ofSeconds(30));

        assertThat(fleet.replicas(clock.instant())).extracting(ReplicaStatus::state)
                .containsExactly(ReplicaStatus.State.LATE);
        assertThat(fleet.gaps(clock.instant())).isEmpty();
    }

    @Test
    void aReplicaSilentLongerThanDepartedAfterIsDepartedItsCountsAreKeptAndItIsNotedOnce() {
        ServingReplica a = replica("pod-a").serve("canary", 10, 0);
        ServingReplica b = replica("pod-b").serve("canary", 6, 0);
        a.counts.tick();
        b.counts.tick();
        clock.advance(Duration.ofSeconds(61));
        a.counts.tick();

        assertThat(fleet.gaps(clock.instant())).isEmpty();
        List<String> notes = fleet.notes(clock.instant());
        assertThat(notes).singleElement().asString().contains("pod-b (incarnation i1)").contains("departed")
                .contains("6 requests").contains("kept");
        assertThat(fleet.notes(clock.instant())).isEmpty(); // told once
        assertThat(totals("canary").requests()).isEqualTo(16);
        assertThat(fleet.replicas(clock.instant())).extracting(ReplicaStatus::state)
                .containsExactly(ReplicaStatus.State.REPORTING, ReplicaStatus.State.DEPARTED);
    }

    @Test
    void aReplicaThatClosedLeftAndIsNeitherAGapNorANote() {
        ServingReplica b = replica("pod-b").serve("canary", 6, 0);
        b.counts.tick();
        b.serve("canary", 1, 0);
        b.counts.close();
        assertThat(b.counts.tick()).isFalse();
        clock.advance(Duration.ofMinutes(10));

        assertThat(fleet.gaps(clock.instant())).isEmpty();
        assertThat(fleet.notes(clock.instant())).isEmpty();
        assertThat(fleet.replicas(clock.instant())).extracting(ReplicaStatus::state)
                .containsExactly(ReplicaStatus.State.LEFT);
        assertThat(totals("canary").requests()).isEqualTo(7);
    }

    @Test
    void aRestartedReplicaIsANewIncarnationTheOldOnesCountsStayAndTheCountingStartDoesNotMoveLater() {
        ServingReplica first = new ServingReplica(store, RELEASE, new ReplicaId("pod-a", "i1"), clock)
                .serve("canary", 10, 0);
        first.counts.tick();
        CohortStats before = totals("canary");
        clock.advance(Duration.ofMinutes(3));
        first.serve("canary", 5, 0); // served, never reported: the process dies
        ServingReplica second = new ServingReplica(store, RELEASE, new ReplicaId("pod-a", "i2"), clock)
                .serve("canary", 4, 0);
        second.counts.tick();

        CohortStats after = totals("canary");
        assertThat(after.requests()).isEqualTo(14);
        assertThat(clock.instant().minus(after.window())).isEqualTo(clock.instant().minus(Duration.ofMinutes(3))
                .minus(before.window())); // the same counting start
        assertThat(fleet.gaps(clock.instant())).isEmpty();
        assertThat(fleet.replicas(clock.instant())).extracting(ReplicaStatus::state)
                .containsExactly(ReplicaStatus.State.REPLACED, ReplicaStatus.State.REPORTING);
        assertThat(fleet.notes(clock.instant())).singleElement().asString().contains("pod-a")
                .contains("restarted").contains("i1 was replaced by i2").contains("10 requests");
    }

    @Test
    void anotherProcessWritingUnderTheSameIdentityIsRefused() {
        ServingReplica one = replica("pod-a").serve("canary", 3, 0);
        ServingReplica two = replica("pod-a").serve("canary", 8, 0); // misconfigured: the same incarnation
        one.counts.tick();

        assertThatThrownBy(two.counts::tick).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Another process writes count reports of release 'rain-v3' as replica pod-a")
                .hasMessageContaining("ReplicaId.fresh");
    }

    @Test
    void aReportThatCannotBeReadIsAGap() {
        replica("pod-a").serve("canary", 3, 0).counts.tick();
        store.put(CountReports.COLLECTION, RELEASE + "_pod-b_i1", "{\"format\":1,\"releaseId\":\"rain-v3\"}");

        assertThat(fleet.gaps(clock.instant())).singleElement().asString()
                .contains("release-counts/rain-v3_pod-b_i1").contains("cannot be read");
        assertThat(totals("canary").requests()).isEqualTo(3);
    }

    @Test
    void reportsOfAReleaseWhoseIdExtendsThisOneAreNotSummed() {
        replica("pod-a").serve("canary", 3, 0).counts.tick();
        new ServingReplica(store, RELEASE + "_2", new ReplicaId("pod-a", "i1"), clock).serve("canary", 50, 0)
                .counts.tick();

        assertThat(totals("canary").requests()).isEqualTo(3);
    }

    @Test
    void windowedStatsAreTheDifferenceOfTheTotalsReadAWindowApart() {
        ServingReplica a = replica("pod-a").serve("canary", 10, 0);
        a.counts.tick();
        assertThat(fleet.stats("canary", Duration.ofMinutes(1)).requests()).isEqualTo(10); // all within a minute
        for (int i = 0; i < 6; i++) {
            clock.advance(ServingReplica.EVERY);
            a.serve("canary", 2, 0).counts.tick();
            fleet.totals("canary");
        }

        assertThat(fleet.stats("canary", Duration.ofSeconds(30))).extracting(CohortStats::requests,
                CohortStats::window).containsExactly(6L, Duration.ofSeconds(30));
        assertThat(fleet.stats("canary", Duration.ofHours(1)).requests()).isEqualTo(22);
    }

    @Test
    void everyIntervalWritesOneSmallDocumentPerReplica() {
        ServingReplica a = replica("pod-a").serve("baseline", 10, 0).serve("canary", 10, 0);
        for (int i = 0; i < 30; i++) {
            a.counts.tick();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(store.writes()).isEqualTo(3); // at 0 s, 10 s and 20 s
        String json = store.read(CountReports.COLLECTION, RELEASE + "_pod-a_i1").orElseThrow().json();
        assertThat(json.length()).isLessThan(500);
    }

    @Test
    void replicaNamesWithTheKeySeparatorAreRefused() {
        assertThatThrownBy(() -> new ReplicaId("pod_a", "i1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no '_'");
        assertThat(ReplicaId.fresh("pod-a").incarnation()).hasSize(16);
    }

    @Test
    void aSourceWithoutTotalsCannotBePublished() {
        Store plain = Stores.inMemory(clock);
        assertThatThrownBy(() -> CountPublisher.of(plain, RELEASE, new ReplicaId("pod-a", "i1"),
                (cohort, window) -> new CohortStats(cohort, window, 0, 0, 0, 0, 0), () -> java.util.Set.of("canary"),
                clock, ServingReplica.EVERY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keeps no totals");
    }
}
