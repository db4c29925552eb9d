package io.github.mlhighway.lifecycle.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.pipeline.internal.ArtifactDigests;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.registry.AliasMoveRefusedException;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verdict decided before a version was registered is evidence for it when it names exactly its artifacts. */
class VerdictSubjectEvidenceTest {

    @TempDir
    Path root;

    @TempDir
    Path model;

    private final SimClock clock = SimClock.atDefault();

    private Verdict passAt() {
        return Verdict.fromFindings("auc-gate", List.of(Finding.of("auc", Outcome.PASS, 0.8, 0.7, "auc")),
                clock.instant());
    }

    private Path savedModel() throws IOException {
        Files.writeString(model.resolve("rain-0000.params"), "parameters");
        Files.createDirectories(model.resolve("meta"));
        Files.writeString(model.resolve("meta/classes.txt"), "rain\ndry");
        return model;
    }

    @Test
    void aVerdictAboutTheExactFilesPromotesTheVersionRegisteredFromThemLater() throws IOException {
        ModelRegistry registry = ModelRegistries.directory(root, clock);
        Path files = savedModel();
        Verdict gated = passAt().about(ArtifactDigests.of(files));    // the gate judged these bytes
        clock.advance(Duration.ofMinutes(3));                         // a ticking clock: registered later

        ModelVersion version = registry.register(NewModelVersion.of("rain").directory(files).build());
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", version.version()).withVerdict(gated));

        assertThat(version.createdAt()).isAfter(gated.decidedAt());
        assertThat(registry.aliases("rain")).containsEntry("champion", 1);
        assertThat(registry.aliasMoves("rain").get(0).verdict().subject()).isEqualTo(gated.subject());
    }

    @Test
    void anEarlierVerdictAboutOtherBytesIsStillRefusedNamingBothDigestLists() throws IOException {
        ModelRegistry registry = ModelRegistries.directory(root, clock);
        Path files = savedModel();
        Verdict gated = passAt().about(ArtifactDigests.of(files));
        Files.writeString(files.resolve("rain-0000.params"), "retrained parameters");
        clock.advance(Duration.ofMinutes(3));
        ModelVersion version = registry.register(NewModelVersion.of("rain").directory(files).build());

        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", version.version())
                .withVerdict(gated)))
                .isInstanceOf(AliasMoveRefusedException.class)
                .hasMessageContaining("was decided at " + gated.decidedAt() + ", before rain@1 was registered")
                .hasMessageContaining("it is about artifacts ")
                .hasMessageContaining(version.artifact("rain-0000.params").orElseThrow().sha256());
        assertThat(registry.aliasMoves("rain")).isEmpty();
    }

    @Test
    void aVerdictAboutFewerFilesThanTheVersionHoldsIsNoEvidenceForIt() throws IOException {
        ModelRegistry registry = ModelRegistries.directory(root, clock);
        Path files = savedModel();
        Verdict aboutParametersOnly = passAt().about(ArtifactDigests.of(files.resolve("rain-0000.params")));
        clock.advance(Duration.ofMinutes(3));
        ModelVersion version = registry.register(NewModelVersion.of("rain").directory(files).build());

        assertThatThrownBy(() -> registry.moveAlias(AliasMoveRequest.of("rain", "champion", version.version())
                .withVerdict(aboutParametersOnly))).isInstanceOf(AliasMoveRefusedException.class);
    }

    @Test
    void theSubjectSurvivesJsonAndAVerdictWithoutOneIsWrittenAsBefore() throws IOException {
        Verdict plain = passAt();
        Verdict about = plain.about(ArtifactDigests.of(savedModel()));

        assertThat(Json.write(plain)).doesNotContain("subject");
        assertThat(Json.read(Json.write(plain), Verdict.class)).isEqualTo(plain);
        assertThat(Json.read(Json.write(about), Verdict.class)).isEqualTo(about);
        assertThat(Json.read("{\"gate\":\"g\",\"outcome\":\"PASS\",\"findings\":[],\"decidedAt\":\""
                + clock.instant() + "\"}", Verdict.class).subject()).isEmpty();
        assertThat(about.withOutcome(Outcome.WARN).subject()).isEqualTo(about.subject());
        assertThat(about.subject()).containsOnlyKeys("meta/classes.txt", "rain-0000.params");
    }

    @Test
    void aSubjectDigestThatIsNotASha256IsRefused() {
        assertThatThrownBy(() -> passAt().about(Map.of("model.pt", "abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject 'model.pt' has digest 'abc'");
    }
}
