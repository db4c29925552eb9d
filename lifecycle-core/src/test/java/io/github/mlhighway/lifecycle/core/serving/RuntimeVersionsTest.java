package io.github.mlhighway.lifecycle.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import io.github.mlhighway.lifecycle.release.Assignment;
import io.github.mlhighway.lifecycle.release.TrafficPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class RuntimeVersionsTest {

    private final SimClock clock = SimClock.atDefault();

    private GuardedModel<Integer, String> running() {
        return GuardedModel.<Integer, String>builder("svc").version("v1", x -> "one:" + x).clock(clock)
                .fallback(x -> "fallback").build();
    }

    private static TrafficPlan mirroring(String primary, String shadow) {
        Assignment only = new Assignment(primary, "baseline");
        return new TrafficPlan() {
            @Override
            public Assignment assign(long keyHash) {
                return only;
            }

            @Override
            public String shadowVersion() {
                return shadow;
            }

            @Override
            public double shadowSampleRate() {
                return 0.5;
            }
        };
    }

    @Test
    void aVersionAddedAtRunTimeGetsTrackersAndTrafficOnceThePlanRoutesToIt() {
        GuardedModel<Integer, String> model = running();

        model.addVersion("v2", x -> "two:" + x);
        assertThat(model.versions()).containsExactly("v1", "v2");
        assertThat(model.versionTrackers("v2").availability().slo().name()).isEqualTo("svc.version.v2.availability");
        assertThat(model.predict("r1", 1)).isEqualTo("one:1");       // the plan has not changed yet

        model.trafficPlan(GuardedModelTest.canary(1.0));
        assertThat(model.predict("r2", 2)).isEqualTo("two:2");
        assertThat(model.versionTrackers("v2").availability().goodEventsRecorded()).isEqualTo(1);
    }

    @Test
    void aRouteCachedWhileTheVersionWasUnknownIsRebuiltWhenTheVersionAppears() {
        GuardedModel<Integer, String> model = running();
        model.trafficPlan(TrafficPlan.single("v2", "canary"));
        assertThat(model.predict("early", 1)).isEqualTo("fallback");  // v2 is not there yet: bad, fallback

        model.addVersion("v2", x -> "two:" + x);

        assertThat(model.predict("later", 2)).isEqualTo("two:2");
        assertThat(model.stats("canary", Duration.ofMinutes(5)).requests()).isEqualTo(2);
        assertThat(model.stats("canary", Duration.ofMinutes(5)).errors()).isEqualTo(1);
    }

    @Test
    void addingAVersionTwiceOrUnderATakenSloNameFailsClearlyAndChangesNothing() {
        GuardedModel<Integer, String> model = running();
        assertThatThrownBy(() -> model.addVersion("v1", x -> "again"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Model 'svc' already has version 'v1'; remove it first to replace it, or add it under a "
                        + "new name");
        model.addVersion("rain@4", x -> "a");
        assertThatThrownBy(() -> model.addVersion("rain_4", x -> "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot track version 'rain_4': an SLO named 'svc.version.rain_4.availability' "
                        + "is already registered");
        assertThat(model.versions()).containsExactly("v1", "rain@4");
        assertThatThrownBy(() -> model.versionTrackers("rain_4")).hasMessageContaining("no trackers for version");
    }

    @Test
    void aVersionCannotBeRemovedWhileThePlanRoutesToItOrMirrorsIt() {
        GuardedModel<Integer, String> model = running();
        model.addVersion("v2", x -> "two:" + x);
        assertThatThrownBy(() -> model.removeVersion("v1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot remove version 'v1' while the traffic plan routes to it");

        model.trafficPlan(GuardedModelTest.canary(0.05));             // 5% of keys, by remainder
        assertThatThrownBy(() -> model.removeVersion("v2")).hasMessageContaining("routes to it");

        model.trafficPlan(mirroring("v1", "v2"));
        assertThatThrownBy(() -> model.removeVersion("v2")).hasMessageContaining("mirrors traffic to it");

        assertThatThrownBy(() -> model.removeVersion("v9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Model 'svc' has no version 'v9'; it has [v1, v2]");
        assertThat(model.versions()).containsExactly("v1", "v2");
    }

    @Test
    void theLastVersionCannotBeRemoved() {
        GuardedModel<Integer, String> model = running();
        model.trafficPlan(TrafficPlan.single("elsewhere", "x"));
        assertThatThrownBy(() -> model.removeVersion("v1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("its only version");
    }

    @Test
    void aRemovedVersionGetsNoMoreCallsAndKeepsItsTrackersWhichComeBackWhenItIsAddedAgain() {
        GuardedModel<Integer, String> model = running();
        model.addVersion("v2", x -> "two:" + x);
        model.trafficPlan(TrafficPlan.single("v2", "canary"));
        model.predict("r1", 1);
        VersionTrackers v2 = model.versionTrackers("v2");
        model.trafficPlan(TrafficPlan.single("v1", "baseline"));

        model.removeVersion("v2");

        assertThat(model.versions()).containsExactly("v1");
        assertThat(model.versionTrackers("v2")).isSameAs(v2);
        assertThat(model.slos().find("svc.version.v2.availability")).isPresent();
        model.trafficPlan(TrafficPlan.single("v2", "canary"));     // a plan published after the removal
        assertThat(model.predict("r2", 2)).isEqualTo("fallback");
        assertThat(v2.availability().goodEventsRecorded() + v2.availability().badEventsRecorded()).isEqualTo(1);

        model.addVersion("v2", x -> "two again:" + x);
        assertThat(model.predict("r3", 3)).isEqualTo("two again:3");
        assertThat(model.versionTrackers("v2")).isSameAs(v2);
        assertThat(v2.availability().goodEventsRecorded()).isEqualTo(2);
    }

    @Test
    void versionsAddedInASharedRegistryAreNamedByModel() {
        SloRegistry shared = SloRegistry.create(clock);
        GuardedModel<Integer, String> a = GuardedModel.<Integer, String>builder("a").version("v1", x -> "a")
                .clock(clock).sloRegistry(shared).build();
        GuardedModel<Integer, String> b = GuardedModel.<Integer, String>builder("b").version("v1", x -> "b")
                .clock(clock).sloRegistry(shared).build();
        a.addVersion("v2", x -> "a2");
        b.addVersion("v2", x -> "b2");
        assertThat(shared.find("a.version.v2.latency")).isPresent();
        assertThat(shared.find("b.version.v2.latency")).isPresent();
    }

    /**
     * Releases one after another while six threads call: each adds its candidate, routes everything to it, then
     * removes the old version, as a release controller does. No call may land on a version that is not there, and
     * every call is counted once on the version that answered.
     */
    @Test
    void versionsComeAndGoWhileThreadsCallAndEveryCallIsAnsweredByAServedVersion() throws Exception {
        AtomicReference<TrafficPlan> published = new AtomicReference<>(TrafficPlan.single("v1", "live"));
        TrafficPlan plan = new TrafficPlan() {
            @Override
            public Assignment assign(long keyHash) {
                return published.get().assign(keyHash);
            }

            @Override
            public String shadowVersion() {
                return null;
            }

            @Override
            public double shadowSampleRate() {
                return 0;
            }
        };
        LongAdder fallbacks = new LongAdder();
        GuardedModel<Integer, Integer> model = GuardedModel.<Integer, Integer>builder("churn")
                .version("v1", x -> 1).clock(clock).trafficPlan(plan)
                .fallback(x -> {
                    fallbacks.increment();
                    return -1;
                }).build();
        int releases = 200;
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        LongAdder calls = new LongAdder();
        for (int t = 0; t < 6; t++) {
            int id = t;
            Thread caller = new Thread(() -> {
                GuardedModelTest.await(start);
                long i = 0;
                while (!done.get()) {
                    int answer = model.predict("call", id * 31L + i++, 0);
                    if (answer <= 0) {
                        throw new AssertionError("call " + i + " was not answered by a version: " + answer);
                    }
                    calls.increment();
                }
            });
            caller.start();
            callers.add(caller);
        }
        start.countDown();
        for (int release = 2; release <= releases; release++) {
            int version = release;
            model.addVersion("v" + version, x -> version);
            published.set(TrafficPlan.single("v" + version, "live"));
            model.removeVersion("v" + (version - 1));
        }
        done.set(true);
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(fallbacks.sum()).isZero();
        assertThat(model.versions()).containsExactly("v" + releases);
        long counted = 0;
        for (int v = 1; v <= releases; v++) {
            VersionTrackers trackers = model.versionTrackers("v" + v);
            assertThat(trackers.availability().badEventsRecorded()).isZero();
            counted += trackers.availability().goodEventsRecorded();
        }
        assertThat(counted).isEqualTo(calls.sum());
        assertThat(model.slos().tracker(model.cohortSloName("live", "availability")).goodEventsRecorded())
                .isEqualTo(calls.sum());
    }
}
