package io.github.mlhighway.lifecycle.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.store.ArtifactStore;
import io.github.mlhighway.lifecycle.core.store.Stores;
import io.github.mlhighway.lifecycle.registry.LineageRef;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.registry.RegistrationConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A draft with an idempotency key is registered at most once per model, also when registrations race. */
class IdempotentRegistrationTest {

    @TempDir
    Path root;

    @TempDir
    Path work;

    private final SimClock clock = SimClock.atDefault();

    private Store store;

    private ModelRegistry registry() {
        store = Stores.directory(root.resolve("store"), clock);
        return ModelRegistries.on(store, ArtifactStore.under(root.resolve("store")), clock);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }

    private NewModelVersion draft(String key, Path weights) {
        return NewModelVersion.of("rain").metric("auc", 0.84).file("model.pt", weights)
                .lineage(LineageRef.run("run-1")).idempotencyKey(key).build();
    }

    @Test
    void registeringTheSameKeyAndArtifactsAgainReturnsTheFirstVersion() throws IOException {
        ModelRegistry registry = registry();
        Path weights = file("model.pt", "weights");

        ModelVersion first = registry.register(draft("run-1/register", weights));
        clock.advance(Duration.ofMinutes(5));
        ModelVersion again = registry.register(draft("run-1/register", weights));

        assertThat(again).isEqualTo(first);
        assertThat(again.idempotencyKey()).isEqualTo("run-1/register");
        assertThat(registry.versions("rain")).extracting(ModelVersion::version).containsExactly(1);
        assertThat(registry.version(ModelRef.ofVersion("rain", 1)).idempotencyKey()).isEqualTo("run-1/register");
    }

    @Test
    void theSameKeyWithOtherArtifactsIsRefusedNamingBothAndRegistersNothing() throws IOException {
        ModelRegistry registry = registry();
        ModelVersion first = registry.register(draft("run-1/register", file("a.pt", "weights a")));

        assertThatThrownBy(() -> registry.register(draft("run-1/register", file("b.pt", "weights b"))))
                .isInstanceOf(RegistrationConflictException.class)
                .hasMessageContaining("idempotency key 'run-1/register' was registered as rain@1")
                .hasMessageContaining(first.artifacts().get(0).sha256())
                .hasMessageContaining("registered again with other artifacts")
                .satisfies(e -> assertThat(((RegistrationConflictException) e).existing())
                        .isEqualTo(ModelRef.ofVersion("rain", 1)));
        assertThat(registry.versions("rain")).hasSize(1);
    }

    @Test
    void otherKeysAndDraftsWithoutAKeyTakeNewVersions() throws IOException {
        ModelRegistry registry = registry();
        Path weights = file("model.pt", "weights");

        registry.register(draft("run-1/register", weights));
        registry.register(draft("run-2/register", weights));
        registry.register(NewModelVersion.of("rain").file("model.pt", weights).build());
        registry.register(NewModelVersion.of("rain").file("model.pt", weights).build());

        assertThat(registry.versions("rain")).extracting(ModelVersion::idempotencyKey)
                .containsExactly("run-1/register", "run-2/register", null, null);
    }

    @Test
    void aVersionWithoutAKeyIsWrittenAsBeforeWithNoKeyField() throws IOException {
        ModelRegistry registry = registry();
        registry.register(NewModelVersion.of("rain").file("model.pt", file("model.pt", "w")).build());

        String json = store.read(StoreModelRegistry.VERSIONS, "rain.v1").orElseThrow().json();

        assertThat(json).doesNotContain("idempotencyKey");
        assertThat(Json.read(json, ModelVersion.class).idempotencyKey()).isNull();
    }

    @Test
    void concurrentRegistrationsOfOneKeyAmongOthersMakeExactlyOneVersionOfIt() throws Exception {
        ModelRegistry registry = registry();
        Path weights = file("model.pt", "weights");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<ModelVersion>> keyed = new ArrayList<>();
            List<Future<ModelVersion>> unkeyed = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                boolean withKey = i % 2 == 0;
                Future<ModelVersion> result = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return registry.register(withKey ? draft("run-7/register", weights)
                            : NewModelVersion.of("rain").file("model.pt", weights).build());
                });
                (withKey ? keyed : unkeyed).add(result);
            }
            List<Integer> keyedNumbers = new ArrayList<>();
            for (Future<ModelVersion> result : keyed) {
                keyedNumbers.add(result.get(30, TimeUnit.SECONDS).version());
            }
            List<Integer> unkeyedNumbers = new ArrayList<>();
            for (Future<ModelVersion> result : unkeyed) {
                unkeyedNumbers.add(result.get(30, TimeUnit.SECONDS).version());
            }

            assertThat(keyedNumbers).as("every keyed registration got the same version").containsOnly(
                    keyedNumbers.get(0));
            assertThat(registry.versions("rain")).hasSize(1 + unkeyedNumbers.size());
            assertThat(registry.versions("rain")).filteredOn(v -> "run-7/register".equals(v.idempotencyKey()))
                    .hasSize(1);
            assertThat(unkeyedNumbers).doesNotHaveDuplicates().doesNotContain(keyedNumbers.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimLeftByACrashWhoseNumberWasTakenMeanwhileMovesOn() throws IOException {
        ModelRegistry registry = registry();
        Path weights = file("model.pt", "weights");
        // A registration claimed version 1 for its key, then its process died before writing the version.
        store.write(StoreModelRegistry.KEYS, KeyClaim.documentKey("rain", "run-1/register"),
                Json.write(new KeyClaim("rain", "run-1/register", 1)), Store.MUST_NOT_EXIST);
        ModelVersion other = registry.register(NewModelVersion.of("rain").file("model.pt", weights).build());

        ModelVersion resumed = registry.register(draft("run-1/register", weights));
        ModelVersion again = registry.register(draft("run-1/register", weights));

        assertThat(other.version()).isEqualTo(1);
        assertThat(resumed.version()).isEqualTo(2);
        assertThat(again).isEqualTo(resumed);
    }

    @Test
    void aClaimLeftByACrashBeforeItsVersionWasWrittenIsCompletedByTheNextRegistration() throws IOException {
        ModelRegistry registry = registry();
        store.write(StoreModelRegistry.KEYS, KeyClaim.documentKey("rain", "run-1/register"),
                Json.write(new KeyClaim("rain", "run-1/register", 1)), Store.MUST_NOT_EXIST);

        ModelVersion resumed = registry.register(draft("run-1/register", file("model.pt", "weights")));

        assertThat(resumed.version()).isEqualTo(1);
        assertThat(registry.versions("rain")).hasSize(1);
    }
}
