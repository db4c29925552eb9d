package io.github.mlhighway.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.AliasMove;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Four writer JVMs sharing one PostgreSQL store end with exact counts and gap-free sequences. */
@ExtendWith(PostgresExtension.class)
class FleetConcurrencyTest {

    private static final int JVMS = 4;
    private static final int OPERATIONS = 500;

    @Test
    void fourJvmsOfFiveHundredOperationsEachLoseNothingAndNumberWithoutGaps() throws Exception {
        String url = PostgresExtension.server().newDatabase();
        PostgresStore.open(url, TestClock.create()).close();   // migrate once, before the race
        List<Process> workers = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < JVMS; i++) {
                Process worker = ChildJvms.start("mixed", url, "w" + i, Integer.toString(OPERATIONS));
                workers.add(worker);
                outputs.add(new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader output : outputs) {
                assertThat(output.readLine()).isEqualTo("ready");
            }
            for (Process worker : workers) {
                OutputStream in = worker.getOutputStream();
                in.write('\n');
                in.flush();
            }
            int increments = 0;
            int registrations = 0;
            int moves = 0;
            for (int i = 0; i < JVMS; i++) {
                String done = outputs.get(i).readLine();
                assertThat(done).as("worker %d's last line", i).startsWith("done ");
                String[] counts = done.split(" ");
                increments += Integer.parseInt(counts[1]);
                registrations += Integer.parseInt(counts[2]);
                moves += Integer.parseInt(counts[3]);
                assertThat(workers.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(workers.get(i).exitValue()).isZero();
            }
            assertThat(increments + registrations + moves).isEqualTo(JVMS * OPERATIONS);

            try (PostgresStore store = PostgresStore.open(url, TestClock.create())) {
                ModelRegistry registry = ModelRegistries.on(store, store.artifacts(), TestClock.create());
                assertThat(store.read(FleetWorker.COUNTERS, "hits").orElseThrow().json())
                        .isEqualTo("{\"value\":" + increments + "}");
                assertThat(store.read(FleetWorker.COUNTERS, "hits").orElseThrow().revision()).isEqualTo(increments);

                List<ModelVersion> versions = registry.versions(FleetWorker.MODEL);
                assertThat(versions).hasSize(registrations);
                for (int n = 0; n < versions.size(); n++) {
                    assertThat(versions.get(n).version()).as("version numbers are gap-free").isEqualTo(n + 1);
                }
                Set<String> registered = new HashSet<>();
                versions.forEach(v -> registered.add(v.tags().get("worker") + "/" + v.tags().get("op")));
                assertThat(registered).as("every registration exactly once").hasSize(registrations);

                List<AliasMove> history = registry.aliasMoves(FleetWorker.MODEL);
                assertThat(history).hasSize(moves);
                for (int n = 0; n < history.size(); n++) {
                    assertThat(history.get(n).sequence()).as("alias move sequence is gap-free").isEqualTo(n + 1L);
                    if (n > 0) {
                        assertThat(history.get(n).fromVersion()).as("move %d starts where move %d ended", n + 1, n)
                                .isEqualTo(history.get(n - 1).toVersion());
                    }
                }
                assertThat(PostgresStoreCheck.run(store).problems()).isEmpty();
                System.out.printf("4-JVM fleet test: %d CAS increments, %d registrations (versions 1..%d), %d alias "
                        + "moves (sequence 1..%d), counter %s%n", increments, registrations, versions.size(), moves,
                        history.size(), store.read(FleetWorker.COUNTERS, "hits").orElseThrow().json());
            }
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }
}
