package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A pipeline whose "register" stage registers a model version; in the child JVM of {@link RegistrationKillNineTest}
 * it then signals and waits to be killed, before the stage's checkpoint is written.
 */
public final class KillableRegistration {

    private KillableRegistration() {
    }

    static Pipeline<String, ModelVersion> pipeline(ModelRegistry registry, Path work, Path registered) {
        return Pipeline.start("train-and-register", String.class)
                .then("train", String.class, Stage.of(data -> "weights trained on " + data))
                .then("register", ModelVersion.class, (weights, context) -> {
                    Path file = Files.writeString(work.resolve("model.pt"), weights);
                    ModelVersion version = registry.register(NewModelVersion.of("rain").metric("auc", 0.84)
                            .file("model.pt", file).producedBy(context).build());
                    if (registered != null) {
                        Files.writeString(registered, Integer.toString(version.version()));
                        Thread.sleep(60_000);
                    }
                    return version;
                })
                .build();
    }

    /**
     * Runs the pipeline; killed inside "register", after registering.
     *
     * @param args store directory, work directory, run id, marker file written once registered
     * @throws Exception never expected
     */
    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        ModelRegistry registry = ModelRegistries.directory(store, Clock.systemUTC());
        PipelineRunner runner = PipelineRunner.builder(Stores.directory(store)).build();
        runner.run(pipeline(registry, Path.of(args[1]), Path.of(args[3])), args[2], "weather");
    }
}
