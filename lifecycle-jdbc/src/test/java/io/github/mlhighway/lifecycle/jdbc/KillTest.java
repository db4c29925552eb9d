package io.github.mlhighway.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A writer JVM killed with SIGKILL mid-write, twenty times, never leaves the PostgreSQL store failing its check. */
@ExtendWith(PostgresExtension.class)
class KillTest {

    private static final int KILLS = 20;

    @Test
    void aWriterKilledTwentyTimesMidWriteLeavesTheStoreCheckClean() throws Exception {
        String url = PostgresExtension.server().newDatabase();
        PostgresStore.open(url, TestClock.create()).close();
        Random random = new Random(20261202);
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = ChildJvms.start("endless", url, Long.toString(random.nextLong()));
            try {
                String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                assertThat(line).as("the writer's first line").isEqualTo("ready");
                Thread.sleep(50 + random.nextInt(400));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the writer died").isTrue();
            }
            try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
                PostgresStoreCheck.Result result = PostgresStoreCheck.run(store);
                assertThat(result.problems()).as("after kill %d", kill + 1).isEmpty();
                if (kill == KILLS - 1) {
                    ModelRegistry registry = ModelRegistries.on(store, store.artifacts(), TestClock.create());
                    assertThat(registry.load(ModelRef.ofAlias("rain", "champion")).files()).containsOnlyKeys(
                            "model.bin");
                    System.out.printf("kill test: %d kills, then %s; %d versions, %d alias moves%n", KILLS,
                            result.summary(), registry.versions("rain").size(), registry.aliasMoves("rain").size());
                }
            }
        }
    }
}
