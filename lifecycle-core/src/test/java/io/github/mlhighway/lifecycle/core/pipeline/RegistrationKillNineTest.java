package io.github.mlhighway.lifecycle.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.pipeline.RunStatus;
import io.github.mlhighway.lifecycle.pipeline.StageStatus;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM is killed with kill -9 after its "register" stage registered a version and before the stage's
 * checkpoint; this JVM resumes the run and gets the same version, not a duplicate.
 */
class RegistrationKillNineTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRunKilledBetweenRegistrationAndCheckpointResumesToTheSameVersion() throws Exception {
        Path store = directory.resolve("store");
        Path work = Files.createDirectories(directory.resolve("work"));
        Path registered = directory.resolve("registered");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillableRegistration.class.getName(),
                store.toString(), work.toString(), "run-1", registered.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("child.log").toFile()).start();
        try {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (!Files.exists(registered) && child.isAlive() && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            assertThat(registered).as("child log: %s", directory.resolve("child.log")).exists();
        } finally {
            child.destroyForcibly();    // SIGKILL: no shutdown hooks, no finally blocks in the child
            child.waitFor(10, TimeUnit.SECONDS);
        }

        SimClock clock = SimClock.atDefault();
        ModelRegistry registry = ModelRegistries.directory(store, clock);
        try (Store reopened = Stores.directory(store, clock)) {
            assertThat(RunRecords.find(reopened, "run-1").orElseThrow().stage("register").orElseThrow().status())
                    .isEqualTo(StageStatus.RUNNING);
            assertThat(registry.versions("rain")).hasSize(1);

            RunResult<ModelVersion> resumed = PipelineRunner.builder(reopened).clock(clock).build()
                    .run(KillableRegistration.pipeline(registry, work, null), "run-1", "weather");

            assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(resumed.outputOrThrow().version()).isEqualTo(Integer.parseInt(Files.readString(registered)));
            assertThat(registry.versions("rain")).as("no duplicate version after the resume").hasSize(1);
            assertThat(resumed.outputOrThrow().idempotencyKey()).isEqualTo("run-1/register");
        }
    }
}
