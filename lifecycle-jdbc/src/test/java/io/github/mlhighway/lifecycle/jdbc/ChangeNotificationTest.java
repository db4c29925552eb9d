package io.github.mlhighway.lifecycle.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.registry.ModelRegistries;
import io.github.mlhighway.lifecycle.registry.AliasMove;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import io.github.mlhighway.lifecycle.testkit.postgres.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Another store instance (its own pool and connections, as another JVM has) sees an alias move through the change
 * feed, and the alias history answers which version held an alias at a time.
 */
@ExtendWith(PostgresExtension.class)
class ChangeNotificationTest {

    private static final int MOVES = 20;

    @Test
    void anotherInstanceIsNotifiedOfEveryAliasMoveAndTheLatencyIsReported() throws Exception {
        String url = PostgresExtension.server().newDatabase();
        TestClock clock = TestClock.create();
        try (PostgresStore writer = PostgresStore.open(url, clock);
             PostgresStore watcher = PostgresStore.open(url, clock)) {
            ModelRegistry writes = ModelRegistries.on(writer, writer.artifacts(), clock);
            ModelRegistry reads = ModelRegistries.on(watcher, watcher.artifacts(), clock);
            for (int i = 0; i < MOVES; i++) {
                writes.register(NewModelVersion.of("rain").build());
            }
            BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
            try (ChangeSubscription subscription = watcher.subscribe("registry-aliases", change -> {
                if (change.key().equals("rain")) {
                    seen.add(System.nanoTime());
                }
            })) {
                List<Long> latencies = new ArrayList<>();
                List<Long> afterReturn = new ArrayList<>();
                for (int version = 1; version <= MOVES; version++) {
                    long before = System.nanoTime();
                    writes.moveAlias(AliasMoveRequest.of("rain", "champion", version).withOverride("test", "move"));
                    long returned = System.nanoTime();
                    Long delivered = seen.poll(10, TimeUnit.SECONDS);
                    assertThat(delivered).as("notification of move %d", version).isNotNull();
                    latencies.add(delivered - before);
                    afterReturn.add(Math.max(0, delivered - returned));
                    assertThat(reads.aliases("rain")).containsEntry("champion", version);
                    clock.advance(Duration.ofMinutes(1));
                }
                Collections.sort(latencies);
                Collections.sort(afterReturn);
                System.out.printf("alias move -> other instance notified: median %.2f ms, max %.2f ms from the start "
                        + "of moveAlias; median %.2f ms, max %.2f ms after it returned; %d moves%n",
                        latencies.get(MOVES / 2) / 1e6, latencies.get(MOVES - 1) / 1e6, afterReturn.get(MOVES / 2) / 1e6,
                        afterReturn.get(MOVES - 1) / 1e6, MOVES);
                assertThat(subscription.cursor()).isPositive();
            }
        }
    }

    @Test
    void theAliasHistoryTellsWhichVersionWasChampionAtATime() {
        String url = PostgresExtension.server().newDatabase();
        TestClock clock = TestClock.create();
        try (PostgresStore store = PostgresStore.open(url, clock)) {
            ModelRegistry registry = ModelRegistries.on(store, store.artifacts(), clock);
            registry.register(NewModelVersion.of("rain").build());
            registry.register(NewModelVersion.of("rain").build());
            Instant beforeAnyMove = clock.instant();
            clock.advance(Duration.ofHours(1));
            registry.moveAlias(AliasMoveRequest.of("rain", "champion", 1).withOverride("ops", "first"));
            clock.advance(Duration.ofHours(1));
            Instant whileOne = clock.instant();
            clock.advance(Duration.ofHours(1));
            AliasMove second = registry.moveAlias(AliasMoveRequest.of("rain", "champion", 2).expectingFrom(1)
                    .withOverride("ops", "second"));

            assertThat(registry.aliasAt("rain", "champion", beforeAnyMove)).isEmpty();
            assertThat(registry.aliasAt("rain", "champion", whileOne)).hasValue(1);
            assertThat(registry.aliasAt("rain", "champion", second.movedAt())).hasValue(2);
            assertThat(registry.aliasHistory("rain", "champion")).extracting(AliasMove::toVersion).containsExactly(1, 2);
        }
    }
}
