package io.github.mlhighway.lifecycle.core.release.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release lease: compare-and-set on a document with an expiry, on the injected clock. */
class ReleaseLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(10);

    private final SimClock clock = SimClock.atDefault();
    private final Store store = Stores.inMemory(clock);

    @TempDir
    Path directory;

    private ReleaseLease lease(Store on, String replica) {
        return new ReleaseLease(on, "rain-v3", replica, clock, TTL);
    }

    @Test
    void theFirstReplicaTakesAFreeLeaseAndTheOthersAreRefusedWhileItIsValid() {
        ReleaseLease a = lease(store, "a");
        ReleaseLease b = lease(store, "b");

        assertThat(a.tryAcquire()).isTrue();
        clock.advance(Duration.ofSeconds(9));
        assertThat(b.tryAcquire()).isFalse();

        assertThat(a.isHeldAt(clock.instant())).isTrue();
        assertThat(b.isHeldAt(clock.instant())).isFalse();
        LeaseState stored = ReleaseLease.read(store, "rain-v3").orElseThrow();
        assertThat(stored.holder()).isEqualTo("a");
        assertThat(stored.epoch()).isEqualTo(1);
        assertThat(stored.expiresAt()).isEqualTo(SimClock.atDefault().instant().plus(TTL));
    }

    @Test
    void aLeaseThatWasNotRenewedWithinItsTtlIsTakenByAnotherReplicaWithTheNextEpoch() {
        ReleaseLease a = lease(store, "a");
        ReleaseLease b = lease(store, "b");
        a.tryAcquire();

        clock.advance(TTL);

        assertThat(a.isHeldAt(clock.instant())).as("lapsed on the holder's own clock").isFalse();
        assertThat(b.tryAcquire()).isTrue();
        assertThat(ReleaseLease.read(store, "rain-v3").orElseThrow().epoch()).isEqualTo(2);
        assertThat(ReleaseLease.read(store, "rain-v3").orElseThrow().holder()).isEqualTo("b");
    }

    @Test
    void aRenewedLeaseIsNotTakenAndItsExpiryMovesToNowPlusTheTtl() {
        ReleaseLease a = lease(store, "a");
        ReleaseLease b = lease(store, "b");
        a.tryAcquire();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(3));
            assertThat(a.renew()).isTrue();
            assertThat(b.tryAcquire()).isFalse();
        }
        assertThat(ReleaseLease.read(store, "rain-v3").orElseThrow().expiresAt()).isEqualTo(clock.instant().plus(TTL));
        assertThat(ReleaseLease.read(store, "rain-v3").orElseThrow().epoch()).isEqualTo(1);
    }

    @Test
    void aDeposedHolderCannotRenewAndKnowsAtOnceThatItLostTheLease() {
        ReleaseLease a = lease(store, "a");
        ReleaseLease b = lease(store, "b");
        a.tryAcquire();
        clock.advance(TTL.plusSeconds(1));
        b.tryAcquire();

        assertThat(a.renew()).isFalse();

        assertThat(a.isHeldAt(clock.instant())).isFalse();
        assertThat(a.problem()).contains("written by another replica");
        assertThat(ReleaseLease.read(store, "rain-v3").orElseThrow().holder()).isEqualTo("b");
    }

    @Test
    void aReleasedLeaseIsTakenAtOnceAndAFinishedOneNeverAgain() {
        ReleaseLease a = lease(store, "a");
        ReleaseLease b = lease(store, "b");
        a.tryAcquire();
        a.release();
        assertThat(b.tryAcquire()).isTrue();

        assertThat(b.finish()).isTrue();
        clock.advance(TTL.multipliedBy(10));
        assertThat(a.tryAcquire()).isFalse();
        assertThat(b.tryAcquire()).isFalse();
        assertThat(ReleaseLease.read(store, "rain-v3").orElseThrow().finished()).isTrue();
    }

    @Test
    void onADirectoryStoreTwoReplicasInOneProcessTakeTurnsExactlyAsOnAnyOtherStore() {
        Store disk = Stores.directory(directory, clock);
        ReleaseLease a = lease(disk, "a");
        ReleaseLease b = lease(disk, "b");

        assertThat(a.tryAcquire()).isTrue();
        assertThat(b.tryAcquire()).isFalse();
        clock.advance(TTL);
        assertThat(b.tryAcquire()).isTrue();
        assertThat(a.renew()).isFalse();
        assertThat(ReleaseLease.read(Stores.directory(directory, clock), "rain-v3").orElseThrow().holder())
                .isEqualTo("b");
    }

    @Test
    void aReplicaWhoseClockIsAheadTakesTheLeaseEarlyAndTheHolderLearnsItOnItsNextRenewal() {
        ReleaseLease a = lease(store, "a");
        SimClock ahead = new SimClock(clock.instant().plusSeconds(11));
        ReleaseLease b = new ReleaseLease(store, "rain-v3", "b", ahead, TTL);
        a.tryAcquire();

        assertThat(b.tryAcquire()).as("b's clock says a's lease lapsed").isTrue();
        assertThat(a.isHeldAt(clock.instant())).as("a's clock says it still holds it").isTrue();
        clock.advance(Duration.ofSeconds(3));
        assertThat(a.renew()).isFalse();
    }
}
