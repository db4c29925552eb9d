package io.github.mlhighway.lifecycle.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.JavadocExamples;
import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import io.github.mlhighway.lifecycle.core.time.SimulatedClock;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.release.ReleasePhase;
import io.github.mlhighway.lifecycle.slo.Slo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the javadoc of {@link Lifecycle}, {@link Releases} and {@link SimulatedClock}, run on a simulated
 * clock and a directory store; one check per example keeps the copies equal.
 */
class RuntimeJavadocExamplesTest {

    @TempDir
    Path dir;

    private final SimulatedClock clock = SimulatedClock.at(Instant.parse("2026-03-01T00:00:00Z"));

    @Test
    void theLifecycleExampleServesAPredictionOnTheRuntimesClockAndStore() {
        Path dataDirectory = dir.resolve("lifecycle-data");
        Function<double[], Double> champion = features -> features[0] > 0.5 ? 1.0 : 0.0;
        double[] features = {0.8};

        // --- javadoc: Lifecycle ---
        try (Lifecycle lifecycle = Lifecycle.builder()
                .clock(clock)                              // Clock.systemUTC() by default, a SimulatedClock in replays
                .store(dataDirectory)                      // directory store and artifacts on the runtime's clock
                .build()) {
            lifecycle.start();                             // one scheduler ticks SLOs, models, releases, incidents
            SloTracker availability = lifecycle.slo(Slo.ratio("checkout.availability").objective(0.999).build());
            GuardedModel<double[], Double> rain = lifecycle.<double[], Double>serving("rain")
                .version("rain@1", champion)
                .build();
            Double forecast = rain.predict("request-1", "user-7", features);   // routed, measured, guarded
        }
        // --- javadoc: end ---

        try (Lifecycle reopened = Lifecycle.builder().clock(clock).store(dataDirectory).build()) {
            GuardedModel<double[], Double> rain = reopened.<double[], Double>serving("rain")
                    .version("rain@1", champion).build();
            reopened.start();
            SloTracker served = reopened.slos().tracker(rain.versionSloName("rain@1", "availability"));
            assertThat(served.budget().eligible()).as("the prediction, saved by close()").isEqualTo(1);
            assertThat(reopened.slo(Slo.ratio("checkout.availability").objective(0.999).build())).isNotNull();
        }
    }

    private ModelVersion register(Lifecycle lifecycle, String content) throws IOException {
        Path file = Files.writeString(dir.resolve(content + ".bin"), content);
        return lifecycle.registry().register(NewModelVersion.of("rain").metric("auc", 0.8).file("model", file)
                .build());
    }

    @Test
    void theReleasesExamplePromotesTheCandidateAndMovesTheChampionAlias() throws IOException {
        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).store(dir.resolve("store")).build()) {
            clock.drive(lifecycle);
            register(lifecycle, "v1");
            ModelVersion v2 = register(lifecycle, "v2");
            GuardedModel<Double, Double> service = lifecycle.<Double, Double>serving("rain")
                    .version("rain@1", x -> x).version("rain@2", x -> x).build();

            // --- javadoc: Releases ---
            ReleaseConfig config = ReleaseConfig.canary("rain-v2", "rain@1", "rain@2").steps(20, 50, 100)
                .interval(Duration.ofHours(1)).build();
            ReleaseController canary = lifecycle.releases().release(service, config)
                .movesAlias("champion")              // on promotion, rain:champion -> rain@2 with the analyses' verdict
                .open();                             // the service follows the release's traffic plan from now on
            // --- javadoc: end ---

            clock.run(Duration.ofHours(8), Duration.ofSeconds(10), at -> {
                for (int i = 0; i < 5; i++) {
                    String id = at.toEpochMilli() + "-" + i;
                    service.predict(id, id, 1.0);
                }
            });

            assertThat(canary.state().phase()).isEqualTo(ReleasePhase.PROMOTED);
            assertThat(lifecycle.registry().aliases("rain")).containsEntry("champion", v2.version());
        }
    }

    @Test
    void theSimulatedClockExampleRunsADayMinuteByMinute() {
        List<Instant> minutes = new ArrayList<>();

        // --- javadoc: SimulatedClock ---
        SimulatedClock clock = SimulatedClock.at(Instant.parse("2015-01-01T00:00:00Z"));
        clock.run(Duration.ofDays(1), Duration.ofMinutes(1), minute -> serveOneMinuteOfTraffic(minute));
        // --- javadoc: end ---

        assertThat(clock.instant()).isEqualTo(Instant.parse("2015-01-02T00:00:00Z"));
        assertThat(served).hasSize(24 * 60);
    }

    private final List<Instant> served = new ArrayList<>();

    private void serveOneMinuteOfTraffic(Instant minute) {
        served.add(minute);
    }

    @Test
    void theLifecycleJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(Lifecycle.class, RuntimeJavadocExamplesTest.class);
    }

    @Test
    void theReleasesJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(Releases.class, RuntimeJavadocExamplesTest.class);
    }

    @Test
    void theSimulatedClockJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(SimulatedClock.class, RuntimeJavadocExamplesTest.class);
    }
}
