package io.github.mlhighway.lifecycle.core.release.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournal;
import io.github.mlhighway.lifecycle.core.release.ReleaseJournalException;
import io.github.mlhighway.lifecycle.core.release.ReleaseTrafficPlan;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas of one release on one store, in simulated time: one leads (holds the lease and drives the
 * controller), all follow the journaled plan, and the loss of the leader is survived from the same step.
 */
class FleetLeadershipTest {

    private static final String RELEASE = "rain-v3";
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final int REQUESTS_PER_SECOND = 100;

    private final SimClock clock = SimClock.atDefault();
    private final FleetTraffic traffic = new FleetTraffic(clock, 7);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path directory;

    private static ReleaseConfig config(Duration interval) {
        return ReleaseConfig.canary(RELEASE, "rain@2", "rain@3").steps(20, 50, 100).interval(interval)
                .failureLimit(1).minSample(100).build();
    }

    private static ReleaseConfig config() {
        return config(Duration.ofMinutes(1));
    }

    private FleetRelease replica(Store store, String id, Clock replicaClock, FleetConfig fleet) {
        return FleetRelease.builder(config(), store, traffic, replicaClock, fleet).listener(new FleetListener() {
            @Override
            public void leadershipChanged(FleetRelease release, boolean leading, String reason) {
                events.add(id + (leading ? " leads: " : " stops: ") + reason);
            }

            @Override
            public void planChanged(FleetRelease release, io.github.mlhighway.lifecycle.core.release.ReleaseState state,
                                    Instant journaledAt) {
                events.add(id + " plan " + release.plan());
            }
        }).open();
    }

    private FleetRelease replica(Store store, String id) {
        return replica(store, id, clock, FleetConfig.replica(id));
    }

    /** One second of the fleet: every live replica serves through its plan, then ticks. */
    private void second(FleetRelease... live) {
        clock.advance(SECOND);
        for (FleetRelease replica : live) {
            traffic.serve(replica.plan(), REQUESTS_PER_SECOND);
        }
        for (FleetRelease replica : live) {
            replica.tick();
        }
    }

    private int secondsUntil(BooleanSupplier condition, int limit, FleetRelease... live) {
        for (int s = 1; s <= limit; s++) {
            second(live);
            if (condition.getAsBoolean()) {
                return s;
            }
        }
        throw new AssertionError("not reached within " + limit + " simulated seconds; events: " + events);
    }

    private static int weight(FleetRelease replica) {
        return ((ReleaseTrafficPlan) replica.plan()).candidateWeight();
    }

    private static void assertRouteAlike(FleetRelease... replicas) {
        Random keys = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            long key = keys.nextLong();
            TrafficPlan first = replicas[0].plan();
            for (FleetRelease other : replicas) {
                assertThat(other.plan().assign(key)).as("key hash %d on %s", key, other).isEqualTo(first.assign(key));
            }
        }
    }

    private static List<JournalEntry> journal(Store store) {
        return ReleaseJournal.read(store, RELEASE).orElseThrow().entries();
    }

    @Test
    void theFirstReplicaToTickLeadsAndEveryReplicaEndsOnThePromotedPlanRoutingEveryKeyAlike() {
        Store store = Stores.inMemory(clock);
        FleetRelease a = replica(store, "a");
        FleetRelease b = replica(store, "b");
        FleetRelease c = replica(store, "c");
        a.tick();
        b.tick();
        c.tick();
        assertThat(a.isLeader()).isTrue();
        assertThat(b.isLeader() || c.isLeader()).isFalse();
        assertThat(List.of(weight(a), weight(b), weight(c))).containsOnly(20);

        for (int s = 0; s < 600 && !(a.isDone() && b.isDone() && c.isDone()); s++) {
            second(a, b, c);
            assertRouteAlike(a, b, c);
            assertThat(b.isLeader() || c.isLeader()).as("one leader only").isFalse();
        }

        assertThat(List.of(a, b, c)).allMatch(FleetRelease::isDone);
        for (FleetRelease replica : List.of(a, b, c)) {
            assertThat(replica.state().orElseThrow().phase()).isEqualTo(ReleasePhase.PROMOTED);
            assertThat(replica.plan().assign(42).version()).isEqualTo("rain@3");
        }
        assertThat(ReleaseLease.read(store, RELEASE).orElseThrow().finished()).isTrue();
        assertThat(journal(store)).extracting(JournalEntry::type).containsOnlyOnce(ReleaseEventType.STARTED,
                ReleaseEventType.PROMOTED);
        assertThat(a.isLeader()).as("a finished lease is nobody's").isFalse();
    }

    @Test
    void aFailingCandidateIsRolledBackAndEveryReplicaReturnsToTheBaseline() {
        traffic.errorRate("rain@3", 0.3);
        Store store = Stores.inMemory(clock);
        FleetRelease a = replica(store, "a");
        FleetRelease b = replica(store, "b");
        FleetRelease c = replica(store, "c");

        secondsUntil(() -> a.isDone() && b.isDone() && c.isDone(), 600, a, b, c);

        for (FleetRelease replica : List.of(a, b, c)) {
            assertThat(replica.state().orElseThrow().phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
            assertThat(weight(replica)).isZero();
            assertThat(replica.plan().assign(42).version()).isEqualTo("rain@2");
        }
    }

    @Test
    void withoutNotificationsAFollowerSeesAStepAtItsNextPollAndNotBefore() {
        Store store = Stores.inMemory(clock);
        FleetRelease a = replica(store, "a");
        FleetRelease b = replica(store, "b", clock, FleetConfig.replica("b").withPollInterval(Duration.ofSeconds(7)));
        a.tick();
        b.tick();
        secondsUntil(() -> weight(a) == 50, 120, a, b);
        assertThat(weight(b)).as("b has not polled since the step").isEqualTo(20);

        int seconds = secondsUntil(() -> weight(b) == 50, 10, a, b);

        assertThat(seconds).isBetween(1, 7);
    }

    @Test
    void onAStoreThatNotifiesAFollowerSeesAStepWithoutTickingAtAll() {
        TestStores.Notifying storeOfA = new TestStores.Notifying(Stores.inMemory(clock));
        TestStores.Notifying storeOfB = storeOfA.replica();
        FleetRelease a = replica(storeOfA, "a");
        FleetRelease b = replica(storeOfB, "b", clock, FleetConfig.replica("b").withPollInterval(Duration.ofHours(1)));
        a.tick();
        assertThat(weight(b)).as("the start, told by the notification").isEqualTo(20);

        secondsUntil(() -> weight(a) == 50, 120, a);

        assertThat(weight(b)).isEqualTo(50);
        assertThat(b.journaledAt()).contains(clock.instant());
        assertRouteAlike(a, b);
    }

    @Test
    void whenTheLeaderFallsSilentAnotherReplicaTakesOverWithinTheTtlAndContinuesFromTheSameStep() {
        Store store = Stores.inMemory(clock);
        FleetRelease a = replica(store, "a");
        FleetRelease b = replica(store, "b");
        FleetRelease c = replica(store, "c");
        a.tick();
        secondsUntil(() -> weight(a) == 50, 120, a, b, c);
        int stepAtDeath = a.controller().orElseThrow().state().stepIndex();
        int entriesAtDeath = journal(store).size();

        int takeover = secondsUntil(() -> b.isLeader() || c.isLeader(), 60, b, c); // a is dead: it never ticks again

        Duration ttl = FleetConfig.DEFAULT_LEASE_TTL;
        assertThat(Duration.ofSeconds(takeover)).isBetween(ttl.minus(FleetConfig.DEFAULT_RENEW_INTERVAL),
                ttl.plus(SECOND));
        FleetRelease leader = b.isLeader() ? b : c;
        assertThat(leader.controller().orElseThrow().state().stepIndex()).isEqualTo(stepAtDeath);
        assertThat(journal(store)).hasSize(entriesAtDeath);
        assertThat(ReleaseLease.read(store, RELEASE).orElseThrow().epoch()).isEqualTo(2);

        secondsUntil(() -> b.isDone() && c.isDone(), 600, b, c);
        List<Integer> steps = new ArrayList<>();
        for (JournalEntry entry : journal(store)) {
            if (entry.type() == ReleaseEventType.STEP_ADVANCED) {
                steps.add(entry.stepIndex());
            }
        }
        assertThat(steps).as("every step once, none repeated after the takeover").containsExactly(0, 1, 2);
        assertThat(b.state().orElseThrow().phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(weight(b)).isZero();
        assertThat(b.plan().assign(1).version()).isEqualTo("rain@3");
        System.out.printf("simulated takeover: %d s after the leader's last tick (ttl %s, renewal %s)%n", takeover,
                ttl, FleetConfig.DEFAULT_RENEW_INTERVAL);
    }

    @Test
    void aDeposedLeaderThatComesBackCannotWriteADecisionAndStepsDownOnItsNextTick() {
        Store store = Stores.inMemory(clock);
        FleetRelease a = replica(store, "a");
        FleetRelease b = replica(store, "b");
        a.tick();
        ReleaseController stale = a.controller().orElseThrow();
        secondsUntil(b::isLeader, 60, b);                       // a paused (a long GC, a frozen VM)
        ReleaseJournal.Document before = ReleaseJournal.read(store, RELEASE).orElseThrow();

        assertThatThrownBy(stale::advance).isInstanceOf(ReleaseJournalException.class)
                .hasCauseInstanceOf(RevisionConflictException.class);
        assertThatThrownBy(() -> stale.pause("by hand")).isInstanceOf(ReleaseJournalException.class);

        assertThat(ReleaseJournal.read(store, RELEASE).orElseThrow()).isEqualTo(before);
        a.tick();
        assertThat(a.isLeader()).isFalse();
        assertThat(events).anyMatch(e -> e.startsWith("a stops: could not renew the lease"));
        assertThat(weight(a)).as("a follows b's journal").isEqualTo(weight(b));
    }

    @Test
    void aLeaderWhoseClockIsBehindIsDeposedEarlyAndItsNextJournalWriteIsRefused() {
        Store store = Stores.inMemory(clock);
        Clock behind = Clock.offset(clock, Duration.ofSeconds(-15));
        FleetRelease a = FleetRelease.builder(config(Duration.ofSeconds(2)), store, traffic, behind,
                FleetConfig.replica("a")).listener(new FleetListener() {
                    @Override
                    public void leadershipChanged(FleetRelease release, boolean leading, String reason) {
                        events.add("a " + leading + ": " + reason);
                    }
                }).open();
        FleetRelease b = FleetRelease.builder(config(Duration.ofSeconds(2)), store, traffic, clock,
                FleetConfig.replica("b")).open();
        a.tick();
        assertThat(a.isLeader()).isTrue();

        second(b);
        assertThat(b.isLeader()).as("b's clock says a's lease (written 15 s in the past) lapsed").isTrue();
        int entries = journal(store).size();
        second(a, b);
        second(a, b);

        assertThat(a.isLeader()).isFalse();
        assertThat(events).anyMatch(e -> e.startsWith("a false: deposed"));
        List<JournalEntry> journal = journal(store);
        assertThat(journal.subList(0, 2)).extracting(JournalEntry::type).as("a's start, on a's clock")
                .containsExactly(ReleaseEventType.STARTED, ReleaseEventType.STEP_ADVANCED);
        assertThat(entries).isGreaterThan(2);
        assertThat(journal.subList(2, journal.size())).as("after the takeover, only b's decisions (on b's clock)")
                .allMatch(e -> !e.at().isBefore(SimClock.atDefault().instant().plusSeconds(1)));
    }

    @Test
    void aDecisionTheOldLeaderWroteBetweenTheTakeoverAndTheFenceIsKeptNotOverwritten() {
        Store shared = Stores.inMemory(clock);
        TestStores.Intercepting storeOfB = new TestStores.Intercepting(shared, ReleaseJournal.COLLECTION);
        FleetRelease a = replica(shared, "a");
        FleetRelease b = replica(storeOfB, "b");
        a.tick();
        ReleaseController stale = a.controller().orElseThrow();
        for (int s = 0; s < 70; s++) {                           // a's traffic, then a falls silent with a due analysis
            clock.advance(SECOND);
            traffic.serve(a.plan(), REQUESTS_PER_SECOND * 3);
        }
        storeOfB.beforeNextWrite(stale::advance);                // a's analysis lands between b's read and b's fence

        b.tick();

        assertThat(b.isLeader()).isTrue();
        assertThat(b.controller().orElseThrow().state().stepIndex()).as("b reopened on a's decision").isEqualTo(1);
        assertThat(journal(shared)).extracting(JournalEntry::type).containsExactly(ReleaseEventType.STARTED,
                ReleaseEventType.STEP_ADVANCED, ReleaseEventType.ANALYSIS, ReleaseEventType.STEP_ADVANCED);
        assertThat(weight(b)).isEqualTo(50);
        assertThatThrownBy(stale::advance).isInstanceOf(ReleaseJournalException.class);
    }

    @Test
    void aReplicaThatClosesGivesItsLeaseUpAndAnotherTakesOverWithinOnePoll() {
        Store store = Stores.inMemory(clock);
        FleetRelease a = replica(store, "a");
        FleetRelease b = replica(store, "b");
        a.tick();
        second(a, b);

        a.close();
        int seconds = secondsUntil(b::isLeader, 5, b);

        assertThat(seconds).isLessThanOrEqualTo(1);
        assertThat(a.tick()).as("a closed replica does nothing").isFalse();
    }

    @Test
    void onADirectoryStoreTwoReplicasInOneProcessHandTheReleaseOver() {
        Store disk = Stores.directory(directory, clock);
        FleetRelease a = replica(disk, "a");
        FleetRelease b = replica(Stores.directory(directory, clock), "b");
        a.tick();
        secondsUntil(() -> weight(a) == 50, 120, a, b);

        secondsUntil(b::isLeader, 30, b);
        secondsUntil(b::isDone, 600, b);

        assertThat(b.state().orElseThrow().phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(ReleaseLease.read(disk, RELEASE).orElseThrow().holder()).isNull();
    }

    @Test
    void aReplicaConfiguredWithOtherVersionsRefusesToFollowTheJournal() {
        Store store = Stores.inMemory(clock);
        replica(store, "a").tick();
        ReleaseConfig other = ReleaseConfig.canary(RELEASE, "rain@2", "rain@4").build();

        assertThatThrownBy(() -> FleetRelease.builder(other, store, traffic, clock, FleetConfig.replica("b")).open())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rain@4")
                .hasMessageContaining("cannot follow");
    }

    @Test
    void aFinishedReleaseOpenedAgainIsDoneOnTheFirstTickAndServesItsEndState() {
        Store store = Stores.inMemory(clock);
        FleetRelease a = replica(store, "a");
        secondsUntil(a::isDone, 600, a);

        FleetRelease late = replica(store, "late");
        assertThat(late.tick()).isFalse();

        assertThat(late.isDone()).isTrue();
        assertThat(late.isLeader()).isFalse();
        assertThat(late.plan().assign(3).version()).isEqualTo("rain@3");
    }
}
