package io.github.mlhighway.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.report.ReportRecorder;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path temp;

    @Test
    void writesTheReportOfAStoreAndSaysWhere() throws Exception {
        Path store = temp.resolve("store");
        try (Store documents = Stores.directory(store)) {
            ReportRecorder.create(documents, Clock.systemUTC()).recordEvent("traffic", "switched to New York");
        }
        Path out = temp.resolve("site/report.html");

        CommandRun run = CommandRun.of("report", store.toString(), "-o", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("wrote " + out.toAbsolutePath().normalize());
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("switched to New York")
                .contains("no data recorded");
    }

    @Test
    void aMissingDirectoryIsBadInputAndIsNotCreated() {
        Path missing = temp.resolve("missing");

        CommandRun run = CommandRun.of("report", missing.toString(), "-o", temp.resolve("r.html").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("error: store directory").contains("does not exist");
        assertThat(missing).doesNotExist();
        assertThat(temp.resolve("r.html")).doesNotExist();
    }

    @Test
    void aDirectoryWithoutStoreDocumentsIsBadInput() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain/notes"));
        Files.writeString(plain.resolve("todo.json"), "{\"todo\": 1}");

        CommandRun run = CommandRun.of("report", plain.getParent().toString(), "-o",
                temp.resolve("r.html").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("error: ").contains("is not a lifecycle store");
    }

    @Test
    void anOutputThatCannotBeWrittenIsBadInput() throws Exception {
        Path store = temp.resolve("store");
        try (Store documents = Stores.directory(store)) {
            ReportRecorder.create(documents, Clock.systemUTC()).recordEvent("traffic", "x");
        }
        Path blocker = Files.writeString(temp.resolve("file"), "not a directory");

        CommandRun run = CommandRun.of("report", store.toString(), "-o", blocker.resolve("r.html").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("error: Cannot write the report");
    }

    @Test
    void theRootCommandListsReport() {
        assertThat(CommandRun.of("--help").out()).containsPattern("(?m)^\\s+report\\s+Write one self-contained");
    }

    @Test
    void theReportIsReadableByEveryoneOnAPosixFileSystem() throws Exception {
        Path store = temp.resolve("store");
        try (Store documents = Stores.directory(store)) {
            ReportRecorder.create(documents, Clock.systemUTC()).recordEvent("traffic", "x");
        }
        Path out = temp.resolve("site/report.html");
        Assumptions.assumeTrue(Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class),
                "needs POSIX permissions");

        CommandRun run = CommandRun.of("report", store.toString(), "-o", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r--r--");
    }

    @Test
    void aStoreCopiedForATicketAndMadeReadOnlyIsReported() throws Exception {
        Path store = temp.resolve("ticket-copy");
        try (Store documents = Stores.directory(store)) {
            ReportRecorder.create(documents, Clock.systemUTC()).recordEvent("traffic", "switched to New York");
        }
        Assumptions.assumeTrue(Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class),
                "needs POSIX permissions");
        Map<Path, String> before = snapshot(store);
        chmodRecursively(store, "r-xr-xr-x", "r--r--r--");
        try {
            Assumptions.assumeFalse(Files.isWritable(store),
                    "permissions are not enforced for this user (e.g. root): cannot make the store read-only");
            Path out = temp.resolve("report.html");

            CommandRun run = CommandRun.of("report", store.toString(), "-o", out.toString());

            assertThat(run.err()).isEmpty();
            assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(Files.readString(out)).contains("switched to New York").doesNotContain("class=\"problem\"");
            assertThat(snapshot(store)).isEqualTo(before);
        } finally {
            chmodRecursively(store, "rwx------", "rw-------");
        }
    }

    @Test
    void aStoreThatCannotBeOpenedIsBadInputAndNothingIsCreated() throws Exception {
        // DIR is checked as given, but the store is opened at its normalised path: for link/../store, where link
        // points into another directory, the OS resolves a real store while the normalised path names nothing.
        Path real = Files.createDirectories(temp.resolve("real/inner"));
        try (Store documents = Stores.directory(real.resolveSibling("store"))) {
            ReportRecorder.create(documents, Clock.systemUTC()).recordEvent("traffic", "x");
        }
        Path link;
        try {
            link = Files.createSymbolicLink(temp.resolve("link"), real);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not supported here: " + e);
            return;
        }
        Path directory = Path.of(link + "/../store");
        Path normalised = directory.toAbsolutePath().normalize();
        assertThat(normalised).isEqualTo(temp.resolve("store").toAbsolutePath().normalize());

        CommandRun run = CommandRun.of("report", directory.toString(), "-o", temp.resolve("r.html").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("error: Store directory " + normalised).doesNotContain("\tat ");
        assertThat(normalised).doesNotExist();
        assertThat(temp.resolve("r.html")).doesNotExist();
    }

    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                files.put(root.relativize(path), Files.isDirectory(path) ? "dir"
                        : Files.size(path) + "@" + Files.getLastModifiedTime(path));
            }
        }
        return files;
    }

    private static void chmodRecursively(Path root, String directories, String files) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Files.setPosixFilePermissions(path,
                    PosixFilePermissions.fromString(Files.isDirectory(path) ? directories : files));
        }
    }
}
