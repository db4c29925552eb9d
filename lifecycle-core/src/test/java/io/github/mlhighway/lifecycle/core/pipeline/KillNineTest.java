package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM killed with kill -9 during the second stage; this JVM resumes the run from the directory store. */
class KillNineTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRunKilledDuringTrainingResumesAfterTheLoadStageInAnotherProcess() throws Exception {
        Path store = directory.resolve("store");
        Path trainingStarted = directory.resolve("training-started");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillableRun.class.getName(), store.toString(),
                "run-1", trainingStarted.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("child.log").toFile()).start();
        try {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (!Files.exists(trainingStarted) && child.isAlive() && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            assertThat(trainingStarted).as("child log: %s", directory.resolve("child.log")).exists();
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }

        AtomicInteger loads = new AtomicInteger();
        try (Store reopened = Stores.directory(store)) {
            assertThat(RunRecords.find(reopened, "run-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

            RunResult<String> resumed = PipelineRunner.builder(reopened).build()
                    .run(KillableRun.pipeline(null, loads), "run-1", "weather");

            assertThat(resumed.outputOrThrow()).isEqualTo("model of WEATHER");
            assertThat(loads).as("load came from the child's checkpoint").hasValue(0);
            assertThat(resumed.record().executions()).isEqualTo(2);
        }
    }
}
