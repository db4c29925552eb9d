package io.github.mlhighway.lifecycle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.pipeline.Pipeline;
import io.github.mlhighway.lifecycle.core.pipeline.PipelineRunner;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.pipeline.RunRecord;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lifecycle runs show} on a run that failed once and was resumed. */
class RunsCommandTest {

    @TempDir
    Path directory;

    @BeforeEach
    void recordARunThatWasResumed() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        Pipeline<String, Integer> pipeline = Pipeline.start("lengths", String.class)
                .then("measure", Integer.class, Stage.of(String::length))
                .gate(Gate.named("not-empty", length -> new Verdict("not-empty", Outcome.WARN,
                        List.of(Finding.of("length", Outcome.WARN, length, 10, "short text")), Instant.EPOCH)))
                .then("double", Integer.class, Stage.of(length -> {
                    if (failOnce.getAndSet(false)) {
                        throw new IllegalStateException("interrupted");
                    }
                    return 2 * length;
                }))
                .build();
        try (Store store = Stores.directory(directory)) {
            PipelineRunner runner = PipelineRunner.builder(store).build();
            runner.run(pipeline, "run-7", "hello");
            runner.run(pipeline, "run-7", "hello");
        }
    }

    @Test
    void showPrintsEachStageWithStatusAttemptsVerdictsFailuresAndDigests() {
        CommandRun run = CommandRun.of("runs", "show", directory.toString(), "run-7");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("run run-7 of pipeline lengths: SUCCEEDED", "executions 2",
                "gate not-empty: WARN", "attempt 1 failed: java.lang.IllegalStateException: interrupted",
                "inputs:", "java.version = ");
        assertThat(run.out().lines().filter(line -> line.startsWith("double ")).findFirst().orElseThrow())
                .contains("SUCCEEDED").containsPattern("\\s2\\s").containsPattern("[0-9a-f]{64}");
    }

    @Test
    void showWithJsonPrintsTheRunRecordItself() {
        CommandRun run = CommandRun.of("runs", "show", directory.toString(), "run-7", "--json");

        assertThat(Json.read(run.out(), RunRecord.class).stages()).hasSize(2);
    }

    @Test
    void anUnknownRunOrDirectoryIsBadInputWithTheReason() {
        CommandRun unknown = CommandRun.of("runs", "show", directory.toString(), "run-8");
        CommandRun nowhere = CommandRun.of("runs", "show", directory.resolve("nope").toString(), "run-7");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no run 'run-8'", "[run-7]");
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).contains("no store directory");
    }

    @Test
    void everyLevelHasHelp() {
        assertThat(CommandRun.of("runs", "--help").out()).contains("show");
        assertThat(CommandRun.of("runs", "show", "--help").out()).contains("RUN_ID", "Exit codes");
    }
}
