package io.github.mlhighway.lifecycle.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.JavadocExamples;
import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.LoadedModel;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code examples in the javadoc of the registry API, run; the last tests keep javadoc and copies equal. */
class RegistryJavadocExamplesTest {

    private static final Path API = Path.of("../lifecycle-api/src/main/java/io/github/mlhighway/lifecycle/registry/");

    @TempDir
    Path root;

    private final SimClock clock = SimClock.atDefault();

    @Test
    void theLoadedModelExampleReadsVerifiedBytes() throws IOException {
        ModelRegistry registry = ModelRegistries.directory(root.resolve("store"), clock);
        ModelVersion v = registry.register(NewModelVersion.of("rain")
                .file("model.pt", Files.writeString(root.resolve("model.pt"), "weights")).build());
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", v.version()).withOverride("test", "example"));

        // --- javadoc: LoadedModel ---
        LoadedModel champion = registry.load(ModelRef.parse("rain:champion"));
        LoadedModel local = champion.copyTo(Files.createTempDirectory("rain"));   // verified private copy
        Path modelDirectory = local.file("model.pt").getParent();                 // load your engine from here
        try (InputStream weights = champion.open("model.pt")) {                   // or read through a verifying stream
            weights.transferTo(OutputStream.nullOutputStream());                  // throws at the end on a mismatch
        }
        // --- javadoc: end ---

        assertThat(modelDirectory.resolve("model.pt")).hasContent("weights");
    }

    @Test
    void theNewModelVersionExampleRegistersOncePerRunAndStage() {
        ModelRegistry registry = ModelRegistries.directory(root.resolve("store"), clock);
        Pipeline<String, ModelVersion> pipeline = Pipeline.start("example", String.class)
                .then("train", Path.class, (data, context) -> Files.writeString(root.resolve("w.pt"), data))
                // --- javadoc: NewModelVersion ---
                .then("register", ModelVersion.class, (weights, context) -> registry.register(NewModelVersion.of("rain")
                        .metric("auc", 0.84).file("model.pt", weights).producedBy(context).build()))
                // --- javadoc: end ---
                .build();

        ModelVersion version = PipelineRunner.builder(Stores.inMemory(clock)).clock(clock).build()
                .run(pipeline, "run-1", "weights").outputOrThrow();

        assertThat(version.idempotencyKey()).isEqualTo("run-1/register");
        assertThat(version.metrics()).containsEntry("auc", 0.84);
    }

    @Test
    void theLoadedModelJavadocShowsTheCodeThisTestRuns() {
        JavadocExamples.assertShown(API.resolve("LoadedModel.java"), 1, RegistryJavadocExamplesTest.class,
                "LoadedModel");
    }

    @Test
    void theNewModelVersionJavadocShowsTheCodeThisTestRuns() {
        JavadocExamples.assertShown(API.resolve("NewModelVersion.java"), 1, RegistryJavadocExamplesTest.class,
                "NewModelVersion");
    }
}
