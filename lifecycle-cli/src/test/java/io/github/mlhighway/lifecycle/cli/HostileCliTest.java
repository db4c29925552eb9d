package io.github.mlhighway.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.report.ReportRecorder;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Commands on hostile stores and failing outputs answer with a message and an exit code, never a trace or a 0. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileCliTest {

    @TempDir
    Path store;

    @TempDir
    Path work;

    private final Clock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private ModelRegistry registry;
    private ModelVersion second;

    @BeforeEach
    void registerTwoVersions() throws IOException {
        registry = ModelRegistries.directory(store, clock);
        registry.register(NewModelVersion.of("rain").metric("auc", 0.81)
                .file("model.pt", Files.writeString(work.resolve("one.pt"), "one")).build());
        second = registry.register(NewModelVersion.of("rain").metric("auc", 0.84)
                .file("model.pt", Files.writeString(work.resolve("two.pt"), "two")).build());
        registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2).withOverride("alice", "test"));
    }

    private static CommandRun runWithFailingOutput(String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = LifecycleCommand.commandLine();
        command.setOut(new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }, true));
        command.setErr(new PrintWriter(err, true));
        return new CommandRun(command.execute(args), "", err.toString());
    }

    @Test
    void aCommandWhoseOutputCannotBeWrittenExitsNonZeroWithAMessage() throws IOException {
        Path spec = Files.writeString(work.resolve("spec.yaml"), SloCommandsTest.VALID);

        for (String[] args : List.of(new String[] {"slo", "rules", spec.toString()},
                new String[] {"registry", "list", store.toString()},
                new String[] {"lineage", store.toString(), "rain@2"})) {
            CommandRun run = runWithFailingOutput(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).as(String.join(" ", args)).contains("error: cannot write the output");
        }
    }

    @Test
    void theRealCommandWritingToDevFullExitsNonZero() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        Path spec = Files.writeString(work.resolve("spec.yaml"), SloCommandsTest.VALID);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), LifecycleCommand.class.getName(), "slo", "rules",
                spec.toString())
                .redirectOutput(new File("/dev/full")).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isNotZero();
        assertThat(err).contains("cannot write the output");
    }

    @Test
    void theReportRefusesToReplaceAFifoOrADirectory() throws Exception {
        Path reportStore = work.resolve("report-store");
        try (Store documents = Stores.directory(reportStore)) {
            ReportRecorder.create(documents, clock).recordEvent("traffic", "x");
        }
        Path fifo = work.resolve("out.html");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        CommandRun run = CommandRun.of("report", reportStore.toString(), "-o", fifo.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("FIFO, device or socket").contains("only a regular file is replaced");
        assertThat(Files.isRegularFile(fifo)).as("the FIFO is still a FIFO").isFalse();
        assertThat(fifo).exists();
    }

    @Test
    void lineageVerifyOnACorruptAliasBookIsAMessage() throws IOException {
        Files.writeString(store.resolve("registry-aliases/rain.json"), "{\"torn");

        CommandRun run = CommandRun.of("lineage", store.toString(), "rain@2", "--verify");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("error: ").contains("registry-aliases").doesNotContain("\tat ");
    }

    @Test
    void lineageVerifyOnAnArtifactReplacedByADirectoryIsAVerificationFailure() throws IOException {
        Path artifact = ArtifactStore.under(store).file(second.artifacts().get(0).sha256());
        Files.delete(artifact);
        Files.createDirectories(artifact.resolve("inside"));

        CommandRun run = CommandRun.of("lineage", store.toString(), "rain:champion", "--verify");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FOUND);
        assertThat(run.err()).startsWith("error: ").contains(artifact.toString(), "a directory")
                .doesNotContain("\tat ");
    }

    @Test
    void registryListShowsTheHealthyVersionsAndReportsTheCorruptOne() throws IOException {
        Path first = store.resolve("registry-versions/rain.v1.json");
        Files.writeString(first, Files.readString(first).replace("0.81", "0.99"));

        CommandRun run = CommandRun.of("registry", "list", store.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FOUND);
        assertThat(run.out()).contains("rain", "v1  unreadable", "v2  2026-01-01T00:00:00Z  auc=0.84", "[champion]");
        assertThat(run.err()).contains("error: ", "rain.v1.json", "fails verification");
    }

    @Test
    void readCommandsWorkOnAReadOnlyStore() throws IOException {
        chmod(store, "r-xr-xr-x", "r--r--r--");
        try {
            Assumptions.assumeFalse(Files.isWritable(store),
                    "permissions are not enforced for this user (e.g. root with DAC override)");

            CommandRun list = CommandRun.of("registry", "list", store.toString());
            CommandRun lineage = CommandRun.of("lineage", store.toString(), "rain:champion", "--verify");
            CommandRun runs = CommandRun.of("runs", "show", store.toString(), "run-1");

            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).contains("v2");
            assertThat(lineage.exitCode()).as(lineage.err()).isZero();
            assertThat(lineage.out()).contains("verified");
            assertThat(runs.err()).contains("no run 'run-1'").doesNotContain("not writable");
        } finally {
            chmod(store, "rwx------", "rw-------");
        }
    }

    @Test
    void storeCheckListsLeftOversAndStoreGcRemovesThem() throws IOException {
        Path temp = Files.writeString(store.resolve("registry-versions/.rain.v3.json42.tmp"), "{\"torn");
        Files.setLastModifiedTime(temp, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        CommandRun check = CommandRun.of("store", "check", store.toString());
        CommandRun gc = CommandRun.of("store", "gc", store.toString());

        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("left-over: " + temp, "stale");
        assertThat(gc.exitCode()).as(gc.err()).isZero();
        assertThat(gc.out()).contains("removed temporary file " + temp);
        assertThat(temp).doesNotExist();
        assertThat(CommandRun.of("store", "check", store.toString()).out()).doesNotContain("left-over");
    }

    @Test
    void storeGcOnAStoreUrlSaysItWorksOnDirectoriesOnlyWithoutThePassword() {
        CommandRun gc = CommandRun.of("store", "gc", "jdbc:postgresql://db:5432/lifecycle?user=u&password=secret");

        assertThat(gc.exitCode()).isEqualTo(2);
        assertThat(gc.err()).contains("store gc works on directory stores only").doesNotContain("secret");
    }

    private static void chmod(Path root, String directories, String files) throws IOException {
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
