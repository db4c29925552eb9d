package io.github.mlhighway.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.report.ReportRecorder;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
}
