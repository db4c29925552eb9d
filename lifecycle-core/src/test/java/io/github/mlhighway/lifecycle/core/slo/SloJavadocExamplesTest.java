package io.github.mlhighway.lifecycle.core.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.JavadocExamples;
import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.micrometer.SloMeters;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.openslo.ConversionOptions;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSlo;
import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloConversion;
import io.github.mlhighway.lifecycle.slo.Slo;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the javadoc of {@link SloRegistry}, {@link OpenSlo} and the Micrometer binding; one check per
 * example keeps the copies equal.
 */
class SloJavadocExamplesTest {

    private final SimClock clock = SimClock.atDefault();

    /** What a host's HTTP client returns. */
    private record Response(boolean ok) {
    }

    @Test
    void theSloRegistryExampleCountsAResponse() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Response response = new Response(false);

        // --- javadoc: SloRegistry ---
        SloRegistry slos = SloRegistry.create(clock);
        SloTracker availability = slos.register(Slo.ratio("checkout.availability")
            .objective(0.999).rollingWindow(Duration.ofDays(28)).build());
        slos.startTicking(scheduler, Duration.ofSeconds(1));
        availability.record(response.ok());
        // --- javadoc: end ---

        slos.close();
        scheduler.shutdownNow();
        assertThat(availability.badEventsRecorded()).isEqualTo(1);
        assertThat(slos.tracker("checkout.availability")).isSameAs(availability);
    }

    @TempDir
    Path dir;

    @Test
    void theOpenSloExampleTracksEveryObjectiveOfTheFile() throws URISyntaxException {
        Path sloFile = Path.of(SloJavadocExamplesTest.class.getResource("/openslo/latency-inline.yaml").toURI());
        try (Lifecycle lifecycle = Lifecycle.builder().clock(clock).store(dir.resolve("store")).build()) {

            // --- javadoc: OpenSlo ---
            OpenSloConversion loaded = OpenSlo.load(List.of(sloFile), ConversionOptions.DEFAULTS);
            loaded.slos().forEach(lifecycle::slo);   // track every objective of the file
            // --- javadoc: end ---

            assertThat(loaded.slos()).isNotEmpty();
            assertThat(lifecycle.slos().trackers()).extracting(tracker -> tracker.slo().name())
                    .containsExactlyElementsOf(loaded.slos().stream().map(Slo::name).toList());
        }
    }

    @Test
    void theMicrometerPackageExampleExportsTheRegisteredSlo() {
        SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
        Slo availability = Slo.ratio("checkout.availability").objective(0.999).build();

        // --- javadoc: micrometer ---
        SloRegistry slos = SloRegistry.create(clock);
        slos.register(availability);
        SloMeters.of(slos, clock).bindTo(meterRegistry);
        // --- javadoc: end ---

        assertThat(meterRegistry.getMeters()).isNotEmpty().allSatisfy(meter ->
                assertThat(meter.getId().getTag(SloMeters.TAG_SLO)).isEqualTo("checkout.availability"));
    }

    @Test
    void theSloMetersExampleBindsOnTheRegistrysClock() {
        SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
        SloRegistry slos = SloRegistry.create(clock);
        SloTracker checkout = slos.register(Slo.ratio("checkout.availability").objective(0.999).build());

        // --- javadoc: SloMeters ---
        SloMeters.of(slos).bindTo(meterRegistry);   // gauges cached per scrape by the registry's clock
        // --- javadoc: end ---

        checkout.record(true);
        assertThat(meterRegistry.getMeters()).extracting(Meter::getId)
                .allSatisfy(id -> assertThat(id.getTag(SloMeters.TAG_SLO)).isEqualTo("checkout.availability"));
        assertThat(meterRegistry.find(meterRegistry.getMeters().get(0).getId().getName()).meters()).isNotEmpty();
    }

    @Test
    void theSloRegistryJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(SloRegistry.class, SloJavadocExamplesTest.class);
    }

    @Test
    void theOpenSloJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(OpenSlo.class, SloJavadocExamplesTest.class);
    }

    @Test
    void theMicrometerPackageJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(JavadocExamples.packageInfo("io.github.mlhighway.lifecycle.core.micrometer"), 1,
                SloJavadocExamplesTest.class, "micrometer");
    }

    @Test
    void theSloMetersJavadocShowsTheCodeRunHere() {
        JavadocExamples.assertShown(SloMeters.class, SloJavadocExamplesTest.class);
    }
}
