package io.github.mlhighway.lifecycle.core.release.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.release.CohortStats;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three runtimes on one store directory, as three JVMs of a fleet would be: each publishes its counts with one
 * call, the leader's release reads the fleet's sums with one more, and nothing else is wired by hand.
 */
class FleetRuntimeTest {

    @TempDir
    Path directory;

    private final SimulatedClock clock = SimulatedClock.at(SimulatedClock.DEFAULT_START);

    private Lifecycle runtime() {
        return Lifecycle.builder().clock(clock).store(directory).incidentsFromAlerts(false).noAutomaticReport()
                .build();
    }

    private static GuardedModel<Integer, Integer> model(Lifecycle runtime) {
        return runtime.<Integer, Integer>serving("rain").version("rain@2", x -> x).version("rain@3", x -> x).build();
    }

    @Test
    void everyRuntimePublishesItsCountsAndTheLeadersReleaseAnalysesTheirSum() {
        List<Lifecycle> runtimes = new ArrayList<>();
        List<GuardedModel<Integer, Integer>> models = new ArrayList<>();
        for (String pod : List.of("pod-a", "pod-b", "pod-c")) {
            Lifecycle runtime = runtime();
            GuardedModel<Integer, Integer> model = model(runtime);
            runtime.publishCounts(model, "rain-v3", pod, Duration.ofSeconds(10));
            runtime.tick(); // the first report: the fleet knows this replica
            runtimes.add(runtime);
            models.add(model);
        }
        ReleaseController release = runtimes.get(0).releases()
                .release(models.get(0), ReleaseConfig.canary("rain-v3", "rain@2", "rain@3").build())
                .fleetCounts(FleetCountSettings.defaults())
                .ignoringPolicy()
                .open();
        models.forEach(model -> model.trafficPlan(release.plan())); // plan propagation stands in for the store's
        long sent = 0;
        int request = 0;

        while (!release.state().phase().isTerminal() && sent < 100_000) {
            for (GuardedModel<Integer, Integer> model : models) {
                for (int i = 0; i < 300; i++, request++) {
                    model.predict("r" + request, "user-" + request, 1);
                }
                sent += 300;
            }
            clock.advance(Duration.ofSeconds(10));
            for (int i = runtimes.size() - 1; i >= 0; i--) {
                runtimes.get(i).tick(); // the replicas report, then the leader's release analyses
            }
        }

        assertThat(release.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
        long analysed = release.journal().stream().filter(e -> e.type() == ReleaseEventType.ANALYSIS)
                .flatMap(e -> e.stats().stream()).mapToLong(CohortStats::requests).sum();
        long counted = 0;
        for (GuardedModel<Integer, Integer> model : models) {
            counted += model.totals("baseline").orElseThrow().requests() + model.totals("canary").orElseThrow()
                    .requests();
        }
        assertThat(counted).isEqualTo(sent);
        // Everything served before the last analysis was reported before it: the analyses add up to all of it.
        assertThat(analysed).isEqualTo(sent);

        runtimes.forEach(Lifecycle::close); // each writes its final report
        FleetCohortStats fleet = FleetCohortStats.source(runtime().store(), "rain-v3", clock);
        assertThat(fleet.replicas(clock.instant())).extracting(ReplicaStatus::state)
                .containsOnly(ReplicaStatus.State.LEFT).hasSize(3);
        assertThat(fleet.gaps(clock.instant().plus(Duration.ofHours(1)))).isEmpty();
    }
}
