package io.github.mlhighway.lifecycle.testkit;

import static io.github.mlhighway.lifecycle.testkit.assertions.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.release.ReleaseConfig;
import io.github.mlhighway.lifecycle.core.release.ReleaseController;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.serving.GuardedModel;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.testkit.junit.LifecycleTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The README's "testing the runtime" example: a whole release, its rollback and its incident, in simulated time. */
@LifecycleTest
class TestingYourRuntimeExampleTest {

    @Test
    void aCandidateThatFailsEveryCallIsRolledBackWithOneIncident(TestClock clock, Lifecycle lifecycle) {
        // --- README: runtime test ---
        Function<double[], Double> broken = x -> {
            throw new IllegalStateException("model file truncated");
        };
        GuardedModel<double[], Double> rain = lifecycle.<double[], Double>serving("rain")
                .version("rain@1", x -> 0.3)
                .version("rain@2", broken)
                .fallback(x -> 0.5)
                .build();
        ReleaseController canary = lifecycle.releases().release(rain, ReleaseConfig
                .canary("rain-2", "rain@1", "rain@2").steps(10, 50, 100).interval(Duration.ofHours(1)).build())
                .open();

        clock.run(Duration.ofHours(1), Duration.ofSeconds(1), t -> rain.predict("r" + t, "user-" + t, new double[2]));

        assertThat(canary.state()).isRolledBackAtStep(0);
        assertThat(lifecycle.incidents().all()).extracting(Incident::key).containsExactly("rain-2");
        // --- README: end ---
    }

    @Test
    void theReadmeShowsThisExampleAsItIsHere() throws Exception {
        String source = Files.readString(Path.of("src/test/java/io/github/mlhighway/lifecycle/testkit/"
                + "TestingYourRuntimeExampleTest.java"), StandardCharsets.UTF_8);
        List<String> lines = source.lines().dropWhile(l -> !l.contains("--- README: runtime test ---")).skip(1)
                .takeWhile(l -> !l.contains("--- README: end ---")).map(l -> l.length() >= 8 ? l.substring(8) : l)
                .toList();
        assertThat(lines).hasSizeGreaterThan(10);
        assertThat(Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8)).contains(String.join("\n", lines));
    }
}
