package io.github.mlhighway.lifecycle.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

    @TempDir
    Path root;

    @Test
    void anArtifactIsStoredUnderItsSha256AndVerifiesBack() {
        ArtifactStore artifacts = ArtifactStore.under(root);

        StoredArtifact stored = artifacts.put(bytes("model weights"));

        String expected = Hashing.sha256().hashString("model weights", StandardCharsets.UTF_8).toString();
        assertThat(stored).isEqualTo(new StoredArtifact(expected, 13));
        Path file = root.resolve("_artifacts/sha256").resolve(expected.substring(0, 2)).resolve(expected);
        assertThat(artifacts.verified(expected, 13)).isEqualTo(file);
        assertThat(artifacts.digests()).containsExactly(expected);
    }

    @Test
    void theSameBytesTwiceAreStoredOnceAndNoTemporaryFileIsLeft() throws IOException {
        ArtifactStore artifacts = ArtifactStore.under(root);

        artifacts.put(bytes("same"));
        artifacts.put(bytes("same"));

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void aFiftyMegabyteArtifactIsStreamedThroughTheHashAndVerified() {
        ArtifactStore artifacts = ArtifactStore.under(root);
        long size = 50L * 1024 * 1024;
        Hasher reference = Hashing.sha256().newHasher();

        StoredArtifact stored = artifacts.put(new GeneratedStream(size, reference));

        assertThat(stored.size()).isEqualTo(size);
        assertThat(stored.sha256()).isEqualTo(reference.hash().toString());
        assertThat(artifacts.verified(stored.sha256(), size)).hasSize(size);
    }

    @Test
    void aTamperedArtifactIsRefusedNamingTheFileAndBothDigests() throws IOException {
        ArtifactStore artifacts = ArtifactStore.under(root);
        StoredArtifact stored = artifacts.put(bytes("model weights"));
        Path file = artifacts.file(stored.sha256());
        Files.writeString(file, "model weighty");

        assertThatThrownBy(() -> artifacts.verified(stored.sha256()))
                .isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(stored.sha256())
                .hasMessageContaining(Hashing.sha256().hashString("model weighty", StandardCharsets.UTF_8).toString())
                .satisfies(e -> assertThat(((ArtifactIntegrityException) e).file()).isEqualTo(file));
    }

    @Test
    void aTruncatedArtifactIsRefused() throws IOException {
        ArtifactStore artifacts = ArtifactStore.under(root);
        StoredArtifact stored = artifacts.put(bytes("model weights"));
        try (FileChannel channel = FileChannel.open(artifacts.file(stored.sha256()), StandardOpenOption.WRITE)) {
            channel.truncate(5);
        }

        assertThatThrownBy(() -> artifacts.verified(stored.sha256(), stored.size()))
                .isInstanceOf(ArtifactIntegrityException.class).hasMessageContaining("5 bytes, 13 expected");
    }

    @Test
    void aMissingArtifactIsRefusedAsMissing() {
        ArtifactStore artifacts = ArtifactStore.under(root);
        String absent = Hashing.sha256().hashString("absent", StandardCharsets.UTF_8).toString();

        assertThatThrownBy(() -> artifacts.verified(absent))
                .isInstanceOf(ArtifactIntegrityException.class).hasMessageContaining("hash to missing");
    }

    @Test
    void aCorruptCopyIsRepairedWhenTheSameBytesAreStoredAgain() throws IOException {
        ArtifactStore artifacts = ArtifactStore.under(root);
        StoredArtifact stored = artifacts.put(bytes("model weights"));
        Files.writeString(artifacts.file(stored.sha256()), "garbage");

        artifacts.put(bytes("model weights"));

        assertThat(artifacts.verified(stored.sha256())).hasContent("model weights");
    }

    @Test
    void aDigestThatIsNotHexIsRefusedBeforeTouchingTheFileSystem() {
        assertThatThrownBy(() -> ArtifactStore.under(root).file("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a SHA-256 digest");
    }

    @Test
    void openHandsOutOnlyTheBytesItVerifiesSoAFileChangedAfterTheCheckIsRefused() throws IOException {
        ArtifactStore artifacts = ArtifactStore.under(root);
        String sha256 = artifacts.put(bytes("model weights")).sha256();
        Path checked = artifacts.verified(sha256, 13);             // the check passes...
        Files.writeString(checked, "model weighTs");               // ...and the file changes before use

        assertThat(checked).hasContent("model weighTs");         // the path accessor cannot notice (documented)
        try (InputStream in = artifacts.open(sha256, 13)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(ArtifactIntegrityException.class)
                    .hasMessageContaining(checked.toString()).hasMessageContaining("expected SHA-256 " + sha256);
        }
        Files.writeString(checked, "model weights");
        try (InputStream in = artifacts.open(sha256, 13)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("model weights");
        }
        Files.delete(checked);
        assertThatThrownBy(() -> artifacts.open(sha256)).isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void openRefusesATruncatedFileAtTheEndOfTheStream() throws IOException {
        ArtifactStore artifacts = ArtifactStore.under(root);
        String sha256 = artifacts.put(bytes("model weights")).sha256();
        try (FileChannel channel = FileChannel.open(artifacts.file(sha256), StandardOpenOption.WRITE)) {
            channel.truncate(5);
        }
        try (InputStream in = artifacts.open(sha256, 13)) {
            assertThat(in.readNBytes(5)).hasSize(5);                // bytes before the end are not yet trusted
            assertThatThrownBy(in::read).isInstanceOf(ArtifactIntegrityException.class);
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Pseudo-random bytes produced on demand, hashed as they are handed out; never held in memory at once. */
    private static final class GeneratedStream extends InputStream {

        private final Random random = new Random(42);
        private final Hasher hasher;
        private long remaining;

        GeneratedStream(long size, Hasher hasher) {
            this.remaining = size;
            this.hasher = hasher;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, n);
            hasher.putBytes(chunk);
            remaining -= n;
            return n;
        }
    }
}
