package io.github.mlhighway.lifecycle.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlArtifactsTest {

    private static final SeattleRain DATA = SeattleRain.load();

    @Test
    void a_registered_model_loads_back_by_alias_and_predicts_the_same(@TempDir Path dir) {
        ModelRegistry registry = ModelRegistries.directory(dir.resolve("registry"),
                TestClock.at(Instant.parse("2024-06-01T00:00:00Z")));
        DjlTrainer trainer = DjlTrainer.builder(() -> DjlTrainer.mlp(8)).epochs(2).batchSize(64).seed(3).build();

        try (TrainedDjlModel trained = trainer.train(DATA.trainX, DATA.trainY)) {
            double[] expected = trained.predictProbabilities(DATA.holdoutX);
            ModelVersion version = DjlArtifacts.register(registry, trained, "rain-djl", dir.resolve("saved"),
                    Map.of("auc", 0.75));
            registry.moveAlias(AliasMoveRequest.of("rain-djl", "champion", version.version())
                    .withOverride("test", "round trip"));

            try (TrainedDjlModel loaded = DjlArtifacts.load(registry, ModelRef.ofAlias("rain-djl", "champion"),
                    dir.resolve("local"), () -> DjlTrainer.mlp(8))) {
                assertThat(version.parameters()).containsEntry(DjlArtifacts.WIDTH_PARAMETER, "11");
                assertThat(loaded.predictProbabilities(DATA.holdoutX)).containsExactly(expected);
            }
        }
    }
}
