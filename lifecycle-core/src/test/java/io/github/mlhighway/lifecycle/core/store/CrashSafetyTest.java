package io.github.mlhighway.lifecycle.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL at random points never leaves the store failing its check. */
class CrashSafetyTest {

    private static final int KILLS = 5;

    @TempDir
    Path root;

    @Test
    void aWriterKilledAtRandomPointsNeverLeavesTheStoreFailingItsCheck() throws Exception {
        Random random = new Random(20260101);
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = startWriter(random.nextLong());
            try {
                awaitReady(child);
                Thread.sleep(50 + random.nextInt(251));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the writer died").isTrue();
            }

            StoreCheckResult result = StoreCheck.run(root);

            assertThat(result.problems()).as("after kill %d", kill + 1).isEmpty();
            assertThat(result.documents()).isPositive();
        }
        ModelRegistry registry = ModelRegistries.directory(root, SimClock.atDefault());
        assertThat(registry.load(ModelRef.ofAlias("rain", "champion")).files()).containsOnlyKeys("model.bin");
        assertThat(registry.aliasMoves("rain")).hasSizeGreaterThanOrEqualTo(KILLS);
    }

    private Process startWriter(long seed) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), root.toString(),
                Long.toString(seed)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static void awaitReady(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the writer's first line (it exited with %s)", child.isAlive() ? "nothing yet"
                : child.exitValue()).isEqualTo("ready");
    }
}
