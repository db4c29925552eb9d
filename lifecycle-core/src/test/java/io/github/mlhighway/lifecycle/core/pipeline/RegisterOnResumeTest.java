package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage that registers a model and dies before its checkpoint registers nothing twice when resumed. */
class RegisterOnResumeTest {

    /** Stands for the process dying: the runner does not catch errors. */
    static final class PowerCut extends Error {
        private static final long serialVersionUID = 1L;

        PowerCut() {
            super("power cut after registering");
        }
    }

    @TempDir
    Path directory;

    private final PipelineFixture fixture = new PipelineFixture();
    private final AtomicBoolean crashAfterRegistering = new AtomicBoolean();
    private final AtomicInteger registrations = new AtomicInteger();

    private Pipeline<String, ModelVersion> pipeline(ModelRegistry registry) {
        return Pipeline.start("train-and-register", String.class)
                .then("train", String.class, (data, context) -> "weights trained on " + data)
                .then("register", ModelVersion.class, (weights, context) -> {
                    Path file = Files.writeString(directory.resolve("model.pt"), weights);
                    fixture.clock.advance(Duration.ofMinutes(1));
                    ModelVersion version = registry.register(NewModelVersion.of("rain").metric("auc", 0.84)
                            .file("model.pt", file).producedBy(context).build());
                    registrations.incrementAndGet();
                    if (crashAfterRegistering.getAndSet(false)) {
                        throw new PowerCut();
                    }
                    return version;
                })
                .build();
    }

    @Test
    void aRunThatDiedAfterRegisteringGetsTheSameVersionWhenResumed() {
        ModelRegistry registry = ModelRegistries.directory(directory.resolve("store"), fixture.clock);
        crashAfterRegistering.set(true);

        assertThatThrownBy(() -> fixture.runner().run(pipeline(registry), "run-1", "weather"))
                .isInstanceOf(PowerCut.class);
        ModelVersion registeredBeforeTheCrash = registry.versions("rain").get(0);
        RunResult<ModelVersion> resumed = fixture.runner().run(pipeline(registry), "run-1", "weather");

        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(registrations).as("the stage ran twice").hasValue(2);
        assertThat(resumed.outputOrThrow()).isEqualTo(registeredBeforeTheCrash);
        assertThat(registry.versions("rain")).as("one version in the registry").hasSize(1);
        assertThat(resumed.outputOrThrow().idempotencyKey()).isEqualTo("run-1/register");
        assertThat(resumed.outputOrThrow().lineage()).containsOnlyOnce(LineageRef.run("run-1"));
    }

    @Test
    void anotherRunRegistersItsOwnVersion() {
        ModelRegistry registry = ModelRegistries.directory(directory.resolve("store"), fixture.clock);

        ModelVersion first = fixture.runner().run(pipeline(registry), "run-1", "weather").outputOrThrow();
        ModelVersion second = fixture.runner().run(pipeline(registry), "run-2", "weather").outputOrThrow();

        assertThat(second.version()).isEqualTo(first.version() + 1);
        assertThat(second.idempotencyKey()).isEqualTo("run-2/register");
    }
}
