package io.github.mlhighway.lifecycle.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetConfig;
import io.github.mlhighway.lifecycle.core.release.fleet.FleetRelease;
import io.github.mlhighway.lifecycle.core.release.fleet.ReleaseLease;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runtimes on one store serve one release: the runtime ticks the lease, the leader's controller, the plans. */
class LifecycleFleetTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final ReleaseConfig CONFIG = ReleaseConfig.canary("rain-2", "rain@1", "rain@2").steps(50, 100)
            .interval(Duration.ofHours(1)).minSample(50).build();

    @TempDir
    Path dir;

    private final SimulatedClock clock = SimulatedClock.at(START);

    private Lifecycle runtime(String replica) {
        return Lifecycle.builder().clock(clock).store(dir.resolve("store")).replicaId(replica).build();
    }

    private static GuardedModel<Double, Double> service(Lifecycle lifecycle) {
        return lifecycle.<Double, Double>serving("rain").version("rain@1", x -> x).version("rain@2", x -> x).build();
    }

    private ModelVersion register(Lifecycle lifecycle, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(content + ".bin"), content);
        return lifecycle.registry().register(NewModelVersion.of("rain").file("model", file).build());
    }

    /** One minute of the fleet: ten requests on each service, then every live runtime ticks. */
    private void minute(GuardedModel<Double, Double>[] services, Lifecycle... live) {
        for (GuardedModel<Double, Double> service : services) {
            for (int i = 0; i < 10; i++) {
                String id = clock.instant().toEpochMilli() + "-" + service.hashCode() + "-" + i;
                service.predict(id, id, (double) i);
            }
        }
        for (Lifecycle lifecycle : live) {
            lifecycle.slos().tick();
        }
        clock.advance(Duration.ofMinutes(1));
        for (Lifecycle lifecycle : live) {
            lifecycle.tick();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoReplicasServeOneCanaryTheLeaderPromotesItAndMovesTheAliasOnceAndBothEndOnTheCandidate()
            throws IOException {
        try (Lifecycle a = runtime("a"); Lifecycle b = runtime("b")) {
            register(a, "v1");
            ModelVersion v2 = register(a, "v2");
            GuardedModel<Double, Double> serviceA = service(a);
            GuardedModel<Double, Double> serviceB = service(b);
            FleetRelease onA = a.releases().release(serviceA, CONFIG).movesAlias("champion").fleet().open();
            FleetRelease onB = b.releases().release(serviceB, CONFIG).movesAlias("champion").fleet().open();
            assertThat(serviceA.trafficPlan()).isSameAs(onA.plan());
            assertThat(serviceB.trafficPlan()).isSameAs(onB.plan());

            for (int m = 0; m < 6 * 60 && !(onA.isDone() && onB.isDone()); m++) {
                minute(new GuardedModel[] {serviceA, serviceB}, a, b);
            }

            assertThat(onA.isDone() && onB.isDone()).isTrue();
            assertThat(onA.state().orElseThrow().phase()).isEqualTo(ReleasePhase.PROMOTED);
            assertThat(onB.state().orElseThrow().phase()).isEqualTo(ReleasePhase.PROMOTED);
            assertThat(serviceA.trafficPlan().assign(7).version()).isEqualTo("rain@2");
            assertThat(serviceB.trafficPlan().assign(7).version()).isEqualTo("rain@2");
            assertThat(a.registry().aliases("rain")).containsEntry("champion", v2.version());
            assertThat(a.registry().aliasMoves("rain")).hasSize(1);
            assertThat(ReleaseLease.read(a.store(), "rain-2").orElseThrow().finished()).isTrue();
            assertThat(a.releases().findFleet("rain-2")).containsSame(onA);
            assertThat(a.releases().fleetReleases()).containsExactly(onA);
            assertThat(a.releases().find("rain-2")).as("no single-process controller").isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLeaderRuntimeThatClosesHandsTheReleaseOverAtOnceAndTheOtherFinishesIt() throws IOException {
        Lifecycle a = runtime("a");
        try (Lifecycle b = runtime("b")) {
            register(a, "v1");
            ModelVersion v2 = register(a, "v2");
            GuardedModel<Double, Double> serviceA = service(a);
            GuardedModel<Double, Double> serviceB = service(b);
            FleetRelease onA = a.releases().release(serviceA, CONFIG).movesAlias("champion").fleet().open();
            FleetRelease onB = b.releases().release(serviceB, CONFIG).movesAlias("champion")
                    .fleet(FleetConfig.replica("b")).open();
            minute(new GuardedModel[] {serviceA, serviceB}, a, b);
            assertThat(onA.isLeader()).isTrue();

            a.close();
            minute(new GuardedModel[] {serviceB}, b);

            assertThat(onB.isLeader()).as("taken over on the next tick, not after the ttl").isTrue();
            for (int m = 0; m < 6 * 60 && !onB.isDone(); m++) {
                minute(new GuardedModel[] {serviceB}, b);
            }
            assertThat(onB.state().orElseThrow().phase()).isEqualTo(ReleasePhase.PROMOTED);
            assertThat(b.registry().aliases("rain")).containsEntry("champion", v2.version());
        } finally {
            a.close();
        }
    }

    @Test
    void aReleaseIsOpenedOnceInARuntimeWhetherForOneProcessOrForAFleet() {
        try (Lifecycle a = runtime("a")) {
            GuardedModel<Double, Double> service = service(a);
            a.releases().release(service, CONFIG).fleet().open();

            assertThatThrownBy(() -> a.releases().release(service, CONFIG).open())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already open");
            assertThat(a.replicaId()).isEqualTo("a");
        }
    }

    @Test
    void aRuntimeWithoutAReplicaIdGetsOneOfItsOwn() {
        try (Lifecycle one = Lifecycle.builder().clock(clock).build();
             Lifecycle two = Lifecycle.builder().clock(clock).build()) {
            assertThat(one.replicaId()).startsWith("replica-" + ProcessHandle.current().pid());
            assertThat(one.replicaId()).isNotEqualTo(two.replicaId());
        }
        assertThatThrownBy(() -> Lifecycle.builder().replicaId(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
