package io.github.mlhighway.lifecycle.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCheckTest {

    @TempDir
    Path root;

    @TempDir
    Path work;

    private final SimClock clock = SimClock.atDefault();

    private ModelVersion registerOneVersion() throws IOException {
        ModelRegistry registry = ModelRegistries.directory(root, clock);
        return registry.register(NewModelVersion.of("rain").metric("auc", 0.8)
                .file("model.pt", Files.writeString(work.resolve("m.pt"), "weights")).build());
    }

    @Test
    void aStoreWithDocumentsArtifactsAndStrayTemporaryFilesIsClean() throws IOException {
        registerOneVersion();
        Stores.directory(root, clock).put("runs", "run-1", "{\"ok\": true}");
        Files.writeString(root.resolve("runs/.123.tmp"), "{\"torn");
        Files.writeString(root.resolve("_artifacts/sha256/.456.tmp"), "half an artifact");

        StoreCheckResult result = StoreCheck.run(root);

        assertThat(result.problems()).isEmpty();
        assertThat(result.isClean()).isTrue();
        assertThat(result.documents()).isEqualTo(2);
        assertThat(result.artifacts()).isEqualTo(1);
    }

    @Test
    void anEditedDocumentIsOneProblemNamingItsFile() throws IOException {
        Stores.directory(root, clock).put("runs", "run-1", "{\"ok\": true}");
        Path file = root.resolve("runs/run-1.json");
        Files.writeString(file, Files.readString(file).replace("true", "false"));

        StoreCheckResult result = StoreCheck.run(root);

        assertThat(result.problems()).singleElement().asString().contains(file.toString(), "fails verification");
    }

    @Test
    void aTruncatedDocumentIsOneProblem() throws IOException {
        Stores.directory(root, clock).put("runs", "run-1", "{\"ok\": true}");
        Path file = root.resolve("runs/run-1.json");
        Files.writeString(file, Files.readString(file).substring(0, 40));

        assertThat(StoreCheck.run(root).problems()).singleElement().asString().contains("Corrupt document " + file);
    }

    @Test
    void aTamperedArtifactIsOneProblemWithBothDigests() throws IOException {
        ModelVersion version = registerOneVersion();
        String sha256 = version.artifacts().get(0).sha256();
        Path file = ArtifactStore.under(root).file(sha256);
        Files.writeString(file, "weighty");

        assertThat(StoreCheck.run(root).problems()).singleElement().asString()
                .contains(file.toString(), "expected SHA-256 " + sha256);
    }

    @Test
    void aVersionWhoseArtifactIsGoneIsAProblemNamingTheDocument() throws IOException {
        ModelVersion version = registerOneVersion();
        Files.delete(ArtifactStore.under(root).file(version.artifacts().get(0).sha256()));

        assertThat(StoreCheck.run(root).problems()).singleElement().asString()
                .contains("registry-versions/rain.v1.json", "references artifact 'model.pt'", "not in the store");
    }

    @Test
    void aFileAmongTheArtifactsThatIsNotNamedByItsDigestIsAProblem() throws IOException {
        ArtifactStore.under(root).put(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        Path stray = Files.createDirectories(root.resolve("_artifacts/sha256/zz")).resolve("notes.txt");
        Files.writeString(stray, "hello");

        assertThat(StoreCheck.run(root).problems()).singleElement().asString()
                .contains("Unexpected file among the artifacts: " + stray);
    }

    @Test
    void aMissingDirectoryIsRefused() {
        assertThatThrownBy(() -> StoreCheck.run(root.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    }
}
