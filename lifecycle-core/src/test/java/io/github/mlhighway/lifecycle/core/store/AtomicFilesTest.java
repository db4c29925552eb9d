package io.github.mlhighway.lifecycle.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void aFileIsReplacedWholeAndNoTemporaryFileIsLeft() throws Exception {
        Path file = directory.resolve("reports/report.html");

        AtomicFiles.writeString(file, "old");
        Path written = AtomicFiles.writeString(file, "new content");

        assertThat(written).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(file).hasContent("new content");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWrittenFileIsReadableByEveryoneOnPosixFileSystems() throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class),
                "the file system has no POSIX permissions");
        Path file = AtomicFiles.writeString(directory.resolve("summary.json"), "{}");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void aTargetThatIsADirectoryIsRefusedAndKept() throws Exception {
        Path taken = Files.createDirectories(directory.resolve("taken"));
        Files.writeString(taken.resolve("inside"), "x");

        assertThatThrownBy(() -> AtomicFiles.writeString(taken, "text"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(taken.toString());
        assertThat(taken.resolve("inside")).hasContent("x");
    }
}
