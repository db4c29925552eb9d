package io.github.mlhighway.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournal;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournalException;
import io.github.mlhighway.lifecycle.core.release.ReleaseTrafficPlan;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetConfig;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetRelease;
import io.github.mlhighway.lifecycle.core.release.fleet.ReleaseLease;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.CohortStatsSource;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fleet control plane on a real PostgreSQL, in simulated time: two store objects (two pools, two change feeds)
 * stand for two JVMs. Only the change notification runs in real time (a bounded wait).
 */
@ExtendWith(PostgresExtension.class)
class PostgresFleetReleaseTest {

    private static final String RELEASE = "rain-v3";
    private static final ReleaseConfig CONFIG = ReleaseConfig.canary(RELEASE, "rain@2", "rain@3").steps(20, 50, 100)
            .interval(Duration.ofMinutes(1)).minSample(100).build();

    private final TestClock clock = TestClock.create();
    private final Instant start = clock.instant();
    /** A healthy fleet: 1000 requests a minute in each cohort, no errors. */
    private final CohortStatsSource fleetCounts = new CohortStatsSource() {
        @Override
        public CohortStats stats(String cohort, Duration window) {
            return totals(cohort).orElseThrow();
        }

        @Override
        public Optional<CohortStats> totals(String cohort) {
            Duration counting = Duration.between(start, clock.instant());
            return Optional.of(new CohortStats(cohort, counting, 1000 * (counting.toSeconds() / 60), 0, 0, 0, 0));
        }
    };

    private PostgresStore storeOfA;
    private PostgresStore storeOfB;

    @BeforeEach
    void twoJvmsOnOneDatabase() {
        String url = PostgresExtension.server().newDatabase();
        storeOfA = PostgresStore.open(url, clock);
        storeOfB = PostgresStore.open(url, clock);
    }

    @AfterEach
    void close() {
        storeOfA.close();
        storeOfB.close();
    }

    private FleetRelease replica(PostgresStore store, String id) {
        return FleetRelease.builder(CONFIG, store, fleetCounts, clock, FleetConfig.replica(id)
                .withPollInterval(Duration.ofHours(1))).open();
    }

    private static int weight(FleetRelease replica) {
        return ((ReleaseTrafficPlan) replica.plan()).candidateWeight();
    }

    private static void awaitReally(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void theLeaseIsTakenRefusedAndTakenOverByCompareAndSetAcrossTwoPools() {
        ReleaseLease a = new ReleaseLease(storeOfA, RELEASE, "a", clock, Duration.ofSeconds(10));
        ReleaseLease b = new ReleaseLease(storeOfB, RELEASE, "b", clock, Duration.ofSeconds(10));

        assertThat(a.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(b.tryAcquire()).isTrue();
        assertThat(a.renew()).isFalse();
        assertThat(ReleaseLease.read(storeOfA, RELEASE).orElseThrow().holder()).isEqualTo("b");
        assertThat(ReleaseLease.read(storeOfA, RELEASE).orElseThrow().epoch()).isEqualTo(2);
    }

    @Test
    void aFollowerOnAnotherPoolFollowsEveryStepByTheStoresNotificationWithoutTicking() throws Exception {
        FleetRelease a = replica(storeOfA, "a");
        FleetRelease b = replica(storeOfB, "b");

        a.tick();
        awaitReally(() -> weight(b) == 20, "b follows the start");
        for (int step : new int[] {50, 100}) {
            clock.advance(Duration.ofMinutes(1));
            a.tick();
            awaitReally(() -> weight(b) == step, "b follows the step to " + step + "%");
        }
        clock.advance(Duration.ofMinutes(1));
        a.tick();
        awaitReally(() -> b.state().orElseThrow().phase().isTerminal(), "b follows the promotion");

        assertThat(b.plan().assign(5).version()).isEqualTo("rain@3");
        assertThat(b.isLeader()).isFalse();
        assertThat(a.isDone()).isTrue();
    }

    @Test
    void aLeaderDeposedAfterItsTtlCannotWriteAndItsSuccessorResumesAtTheSameStep() throws Exception {
        FleetRelease a = replica(storeOfA, "a");
        FleetRelease b = replica(storeOfB, "b");
        a.tick();
        clock.advance(Duration.ofMinutes(1));
        a.tick();
        ReleaseController stale = a.controller().orElseThrow();
        assertThat(stale.state().stepIndex()).isEqualTo(1);

        clock.advance(FleetConfig.DEFAULT_LEASE_TTL);         // a paused: it neither renewed nor ticked
        b.tick();

        assertThat(b.isLeader()).isTrue();
        assertThat(b.controller().orElseThrow().state().stepIndex()).isEqualTo(1);
        ReleaseJournal.Document before = ReleaseJournal.read(storeOfA, RELEASE).orElseThrow();
        assertThatThrownBy(stale::advance).isInstanceOf(ReleaseJournalException.class)
                .hasCauseInstanceOf(RevisionConflictException.class);
        assertThat(ReleaseJournal.read(storeOfA, RELEASE).orElseThrow()).isEqualTo(before);
        a.tick();
        assertThat(a.isLeader()).isFalse();
        awaitReally(() -> weight(a) == 50, "a follows b's journal");
    }
}
