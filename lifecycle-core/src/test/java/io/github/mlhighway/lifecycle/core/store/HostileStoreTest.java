package io.github.mlhighway.lifecycle.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store tampered with from outside (links, FIFOs, forged documents, crash left-overs) is reported by
 * {@code store check}, never followed or hung on, and cleaned by gc without touching what writers still need.
 * Each test has a timeout: on the old code several of them hung forever.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileStoreTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path root;

    @TempDir
    Path outside;

    private final SimClock clock = new SimClock(NOW);

    private ModelVersion registerOneVersion(ModelRegistry registry) throws IOException {
        Path weights = Files.writeString(outside.resolve("weights.bin"), "weights");
        return registry.register(NewModelVersion.of("rain").file("model.bin", weights).build());
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo %s", path).isZero();
    }

    @Test
    void anArtifactLinkedToDevZeroFailsVerificationAtOnceEverywhere() throws IOException {
        ModelRegistry registry = ModelRegistries.directory(root, clock);
        ModelVersion version = registerOneVersion(registry);
        Path artifact = ArtifactStore.under(root).file(version.artifacts().get(0).sha256());
        Files.delete(artifact);
        Files.createSymbolicLink(artifact, Path.of("/dev/zero"));

        assertThatThrownBy(() -> registry.load(ModelRef.ofVersion("rain", 1)))
                .isInstanceOf(ArtifactIntegrityException.class).hasMessageContaining("symbolic link to /dev/zero");
        assertThat(StoreCheck.run(root, clock, Duration.ZERO).problems())
                .anySatisfy(p -> assertThat(p).contains(artifact.toString(), "symbolic link"));
    }

    @Test
    void anArtifactReplacedByAFifoFailsVerificationInsteadOfBlocking() throws Exception {
        ModelRegistry registry = ModelRegistries.directory(root, clock);
        ModelVersion version = registerOneVersion(registry);
        String sha256 = version.artifacts().get(0).sha256();
        Path artifact = ArtifactStore.under(root).file(sha256);
        Files.delete(artifact);
        mkfifo(artifact);

        assertThatThrownBy(() -> registry.load(ModelRef.ofVersion("rain", 1)))
                .isInstanceOf(ArtifactIntegrityException.class).hasMessageContaining("FIFO");
        assertThatThrownBy(() -> ArtifactStore.under(root).open(sha256)).isInstanceOf(ArtifactIntegrityException.class);
        assertThat(StoreCheck.run(root, clock, Duration.ZERO).problems())
                .anySatisfy(p -> assertThat(p).contains(artifact.toString(), "FIFO"));
    }

    @Test
    void aDocumentLinkedOutsideTheStoreIsReportedAndNeverRead() throws IOException {
        DirectoryStore store = Stores.directory(root, clock);
        store.put("runs", "run-1", "{\"ok\": true}");
        Path secret = Files.writeString(outside.resolve("secret.json"),
                Files.readString(root.resolve("runs/run-1.json")));
        Files.delete(root.resolve("runs/run-1.json"));
        Files.createSymbolicLink(root.resolve("runs/run-1.json"), secret);

        assertThatThrownBy(() -> store.read("runs", "run-1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("symbolic link to " + secret);
        assertThat(store.keys("runs")).isEmpty();
        assertThat(StoreCheck.run(root, clock, Duration.ZERO).problems()).singleElement().asString()
                .contains(root.resolve("runs/run-1.json").toString(), "symbolic link", "not read");
    }

    @Test
    void aCollectionLinkedOutsideTheStoreIsReportedAndNeverWrittenThrough() throws IOException {
        Stores.directory(Files.createDirectories(outside.resolve("elsewhere")), clock).put("runs", "run-1", "{}");
        Files.createSymbolicLink(root.resolve("runs"), outside.resolve("elsewhere/runs"));
        DirectoryStore store = Stores.directory(root, clock);

        assertThatThrownBy(() -> store.read("runs", "run-1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> store.put("runs", "run-2", "{}")).isInstanceOf(StoreException.class);
        assertThat(outside.resolve("elsewhere/runs/run-2.json")).doesNotExist();
        assertThat(store.collections()).isEmpty();
        assertThat(StoreCheck.run(root, clock, Duration.ZERO).problems()).singleElement().asString()
                .contains("Collection " + root.resolve("runs"), "symbolic link");
    }

    @Test
    void aDocumentReplacedByAFifoIsReportedNotSkipped() throws Exception {
        DirectoryStore store = Stores.directory(root, clock);
        store.put("runs", "run-1", "{}");
        Files.delete(root.resolve("runs/run-1.json"));
        mkfifo(root.resolve("runs/run-1.json"));

        StoreCheckResult result = StoreCheck.run(root, clock, Duration.ZERO);

        assertThat(result.problems()).singleElement().asString().contains("run-1.json", "FIFO");
        assertThatThrownBy(() -> store.read("runs", "run-1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("FIFO");
    }

    @Test
    void aVersionBodyThatNoLongerParsesAsAVersionIsReported() throws IOException {
        ModelRegistry registry = ModelRegistries.directory(root, clock);
        registerOneVersion(registry);
        Stores.directory(root, clock).put("registry-versions", "rain.v1", "{\"model\": 7, \"version\": \"x\"}");

        assertThat(StoreCheck.run(root, clock, Duration.ZERO).problems()).anySatisfy(p -> assertThat(p)
                .contains("rain.v1.json", "does not hold a model version"));
        assertThatThrownBy(() -> registry.version(ModelRef.ofVersion("rain", 1))).isInstanceOf(StoreException.class)
                .hasMessageContaining("registry-versions/rain.v1 does not hold a model version");
    }

    @Test
    void aRevisionForgedToTheLongMaximumIsRefusedAndDoesNotOverflowLaterWrites() throws IOException {
        DirectoryStore store = Stores.directory(root, clock);
        store.put("runs", "run-1", "{}");
        Files.writeString(root.resolve("runs/run-1.json"), DocumentEnvelope.encode(
                new StoredDocument("runs", "run-1", Long.MAX_VALUE, NOW, "{}")));

        assertThat(StoreCheck.run(root, clock, Duration.ZERO).problems()).singleElement().asString()
                .contains("run-1.json", "revision " + Long.MAX_VALUE + " is outside 1 to 9007199254740991");
        assertThatThrownBy(() -> store.put("runs", "run-1", "{\"again\": true}")).isInstanceOf(StoreException.class)
                .hasMessageContaining("revision");
    }

    @Test
    void aDocumentAtTheHighestRevisionRefusesTheNextWriteWithAMessage() throws IOException {
        DirectoryStore store = Stores.directory(root, clock);
        store.put("runs", "run-1", "{}");
        Files.writeString(root.resolve("runs/run-1.json"), DocumentEnvelope.encode(
                new StoredDocument("runs", "run-1", DocumentEnvelope.MAX_REVISION, NOW, "{}")));

        assertThat(store.read("runs", "run-1")).get().extracting(StoredDocument::revision)
                .isEqualTo(DocumentEnvelope.MAX_REVISION);
        assertThatThrownBy(() -> store.put("runs", "run-1", "{}")).isInstanceOf(StoreException.class)
                .hasMessageContaining("the highest a document can have");
    }

    @Test
    void anAliasPointingAtADeletedVersionIsReported() throws IOException {
        ModelRegistry registry = ModelRegistries.directory(root, clock);
        registerOneVersion(registry);
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withOverride("test", "setup"));
        Stores.directory(root, clock).delete("registry-versions", "rain.v1");

        assertThat(StoreCheck.run(root, clock, Duration.ZERO).problems()).anySatisfy(p -> assertThat(p)
                .contains("Alias rain:'champion'", "points at version 1", "does not exist"));
    }

    @Test
    void aLockFileLinkedOutsideIsNotFollowedAndCreatesNothingThere() throws IOException {
        Files.createDirectories(root.resolve("runs"));
        Path target = outside.resolve("created-by-the-store");
        Files.createSymbolicLink(root.resolve("runs/.lock"), target);
        DirectoryStore store = Stores.directory(root, clock);

        assertThatThrownBy(() -> store.put("runs", "run-1", "{}")).isInstanceOf(StoreException.class)
                .hasMessageContaining(".lock").hasMessageContaining("symbolic link");
        assertThat(target).doesNotExist();
        assertThat(StoreCheck.run(root, clock, Duration.ZERO).problems()).singleElement().asString()
                .contains("Lock file", "symbolic link");
    }

    @Test
    void staleTemporaryFilesAndOrphanArtifactsAreReportedAndOnlyStaleOnesAreRemovedByGc() throws IOException {
        ModelRegistry registry = ModelRegistries.directory(root, clock);
        ModelVersion version = registerOneVersion(registry);
        ArtifactStore artifacts = ArtifactStore.under(root);
        StoredArtifact oldOrphan = artifacts.put(new ByteArrayInputStream("killed before its version".getBytes()));
        StoredArtifact newOrphan = artifacts.put(new ByteArrayInputStream("its version comes next".getBytes()));
        Path oldTemp = Files.writeString(root.resolve("registry-versions/.rain.v2.json123.tmp"), "{\"torn");
        Path newTemp = Files.writeString(artifacts.directory().resolve(".456.tmp"), "being written");
        age(oldOrphan, Duration.ofHours(2));
        age(artifacts.file(version.artifacts().get(0).sha256()), Duration.ofDays(30));
        Files.setLastModifiedTime(oldTemp, FileTime.from(NOW.minus(Duration.ofHours(3))));
        Files.setLastModifiedTime(newTemp, FileTime.from(NOW.minusSeconds(5)));
        Files.setLastModifiedTime(artifacts.file(newOrphan.sha256()), FileTime.from(NOW.minusSeconds(5)));

        StoreCheckResult check = StoreCheck.run(root, clock, Duration.ofHours(1));

        assertThat(check.isClean()).isTrue();
        assertThat(check.reclaimable()).hasSize(4)
                .anySatisfy(line -> assertThat(line).contains(oldTemp.toString(), "stale"))
                .anySatisfy(line -> assertThat(line).contains(newTemp.toString(), "recent"))
                .anySatisfy(line -> assertThat(line).contains(oldOrphan.sha256(), "orphan", "stale"))
                .anySatisfy(line -> assertThat(line).contains(newOrphan.sha256(), "orphan", "recent"));

        StoreGc.Result gc = StoreGc.run(root, clock, Duration.ofHours(1));

        assertThat(gc.removedTemporary()).containsExactly(oldTemp);
        assertThat(gc.removedOrphans()).containsExactly(artifacts.file(oldOrphan.sha256()));
        assertThat(newTemp).exists();
        assertThat(artifacts.contains(newOrphan.sha256())).isTrue();
        assertThat(registry.load(ModelRef.ofVersion("rain", 1)).files()).containsOnlyKeys("model.bin");
        assertThat(StoreCheck.run(root, clock, Duration.ofHours(1)).problems()).isEmpty();
    }

    @Test
    void storingBytesThatAreAlreadyThereMakesTheArtifactYoungAgainSoGcKeepsItForTheWriter() throws IOException {
        ArtifactStore artifacts = ArtifactStore.under(root);
        StoredArtifact orphan = artifacts.put(new ByteArrayInputStream("same bytes".getBytes()));
        age(orphan, Duration.ofDays(2));

        artifacts.put(new ByteArrayInputStream("same bytes".getBytes()));   // a registration reusing them
        clock.set(Files.getLastModifiedTime(artifacts.file(orphan.sha256())).toInstant().plusSeconds(1));

        assertThat(StoreGc.run(root, clock, Duration.ofHours(1)).removedOrphans()).isEmpty();
        assertThat(artifacts.contains(orphan.sha256())).isTrue();
    }

    @Test
    void gcRemovesNoArtifactWhileADocumentCannotBeRead() throws IOException {
        DirectoryStore store = Stores.directory(root, clock);
        store.put("runs", "run-1", "{}");
        Files.writeString(root.resolve("runs/run-1.json"), "{\"torn");
        StoredArtifact orphan = ArtifactStore.under(root).put(new ByteArrayInputStream("x".getBytes()));
        age(orphan, Duration.ofDays(2));

        StoreGc.Result gc = StoreGc.run(root, clock, Duration.ofHours(1));

        assertThat(gc.removedOrphans()).isEmpty();
        assertThat(gc.keptOrphansBecause()).get().asString().contains("cannot be read");
        assertThat(ArtifactStore.under(root).contains(orphan.sha256())).isTrue();
    }

    private void age(StoredArtifact artifact, Duration age) throws IOException {
        age(ArtifactStore.under(root).file(artifact.sha256()), age);
    }

    private static void age(Path file, Duration age) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
    }

    @Test
    void aDocumentWithInvalidUtf8IsOneProblemNotACrash() throws IOException {
        Stores.directory(root, clock).put("runs", "run-1", "{\"ok\": true}");
        Path file = root.resolve("runs/run-1.json");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] = (byte) 0xff;
        Files.write(file, bytes);

        assertThat(StoreCheck.run(root, clock, Duration.ZERO).problems()).singleElement().asString()
                .contains(file.toString());
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).isNotEmpty();
    }
}
