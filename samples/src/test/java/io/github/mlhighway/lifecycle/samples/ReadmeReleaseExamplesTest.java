package io.github.mlhighway.lifecycle.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.incident.IncidentManager;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.incident.IncidentEvidence;
import io.github.mlhighway.lifecycle.release.ReleaseEventType;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progressive-delivery story of README.md in simulated time: one canary promoted, one rolled back, and the
 * postmortem of the rollback. Paste changes back into the README.
 */
class ReadmeReleaseExamplesTest {

    /** What a simulated release ended with. */
    record ReleaseRun(ReleasePhase phase, int incidents, String postmortem, Duration took) {
    }

    @TempDir
    Path directory;

    /** A model that fails on the given share of requests. */
    private static Function<double[], Double> failing(double errorRate, SplittableRandom random) {
        return features -> {
            if (random.nextDouble() < errorRate) {
                throw new IllegalStateException("inference failed");
            }
            return 0.3;
        };
    }

    private ReleaseRun release(String releaseId, double candidateErrorRate) {
        SplittableRandom random = new SplittableRandom(11);
        TestClock clock = TestClock.create();
        Store store = Stores.directory(directory.resolve(releaseId), clock);

        // --- README: release ---
        GuardedModel<double[], Double> service = GuardedModel.<double[], Double>builder("rain")
                .version("rain@2", failing(0.01, random))                    // the baseline: 1% errors
                .version("rain@3", failing(candidateErrorRate, random))      // the candidate
                .clock(clock)
                .fallback(features -> 0.5)                                   // a failure still answers
                .build();
        clock.beforeAdvance(time -> service.tick()).onAdvance(time -> service.tick());

        IncidentManager incidents = IncidentManager.builder(store, clock).build();
        ReleaseController canary = ReleaseController.builder(
                        ReleaseConfig.canary(releaseId, "rain@2", "rain@3").steps(5, 25, 50, 100)
                                .interval(Duration.ofMinutes(5)).build(),
                        store, service, clock)                               // the service is the stats source
                .listener(event -> {
                    if (event.type() == ReleaseEventType.ROLLED_BACK) {
                        incidents.record(IncidentEvidence.rollback(releaseId, event.candidateVersion(),
                                event.baselineVersion(), event.message(), Map.of()).forKey("rain"));
                    }
                })
                .open();
        service.trafficPlan(canary.plan());                                  // sticky routing by user

        for (int minute = 0; minute < 60 && !canary.state().phase().isTerminal(); minute++) {
            for (int request = 0; request < 600; request++) {
                service.predict("req-" + minute + "-" + request, "user-" + random.nextInt(5_000), new double[] {1});
            }
            clock.advance(Duration.ofMinutes(1));
            canary.tick();                                                   // analysis every 5 minutes
        }
        // --- README: end ---

        String postmortem = incidents.all().isEmpty() ? "" : incidents.postmortem(incidents.all().get(0).id());
        Duration took = Duration.between(TestClock.DEFAULT_START, clock.instant());
        return new ReleaseRun(canary.state().phase(), incidents.all().size(), postmortem, took);
    }

    @Test
    void aHealthyCanaryIsPromotedThroughEveryStep() {
        var result = release("rain-v3-healthy", 0.01);

        assertThat(result.phase()).isEqualTo(ReleasePhase.PROMOTED);
        assertThat(result.incidents()).isZero();
        assertThat(result.took()).isEqualTo(Duration.ofMinutes(20));   // one 5-minute analysis per step
    }

    @Test
    void aCanaryWithThreeTimesTheBaselineErrorRateIsRolledBackAndGetsAPostmortem() {
        var result = release("rain-v3-faulty", 0.03);

        assertThat(result.phase()).isEqualTo(ReleasePhase.ROLLED_BACK);
        assertThat(result.incidents()).isEqualTo(1);
        assertThat(result.took()).isEqualTo(Duration.ofMinutes(10));   // two failed analyses
        assertThat(result.postmortem()).contains("rain-v3-faulty").contains("Timeline").contains("Action items");
        System.out.println(result.postmortem());
    }
}
