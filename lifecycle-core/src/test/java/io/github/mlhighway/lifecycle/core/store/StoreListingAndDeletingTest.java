package io.github.mlhighway.lifecycle.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Listing, deleting and what a write returns, for both built-in stores (found missing by mutation testing: the
 * conformance kit checks these in the test kit, but the core's own tests did not).
 */
class StoreListingAndDeletingTest {

    @TempDir
    Path root;

    private final SimClock clock = SimClock.atDefault();

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("directory", (Function<StoreListingAndDeletingTest, Store>) t -> Stores.directory(t.root,
                        t.clock)),
                Arguments.of("in memory", (Function<StoreListingAndDeletingTest, Store>) t -> Stores.inMemory(t.clock)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void keysAreSortedWhateverTheOrderTheyWereWrittenIn(String name, Function<StoreListingAndDeletingTest, Store> open) {
        Store store = open.apply(this);
        for (String key : List.of("delta", "alpha", "charlie", "Bravo", "1-first")) {
            store.put("runs", key, "{}");
        }

        assertThat(store.keys("runs")).containsExactly("1-first", "Bravo", "alpha", "charlie", "delta");
        assertThat(store.keys("missing")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void deleteReportsWhetherThereWasADocument(String name, Function<StoreListingAndDeletingTest, Store> open) {
        Store store = open.apply(this);
        store.put("runs", "run-1", "{}");
        store.put("runs", "run-2", "{}");

        assertThat(store.delete("runs", "absent")).as("a key never written, in an existing collection").isFalse();
        assertThat(store.delete("runs", "run-1")).isTrue();
        assertThat(store.delete("runs", "run-1")).as("deleting again").isFalse();
        assertThat(store.read("runs", "run-1")).isEmpty();
        assertThat(store.read("runs", "run-2")).isPresent();
        assertThat(store.keys("runs")).containsExactly("run-2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aWriteReturnsTheDocumentAReadReturns(String name, Function<StoreListingAndDeletingTest, Store> open) {
        Store store = open.apply(this);
        clock.advance(Duration.ofMinutes(3));

        StoredDocument written = store.write("runs", "run-1", "{ \"b\" : 2 }", Store.MUST_NOT_EXIST);

        assertThat(written).isEqualTo(store.read("runs", "run-1").orElseThrow());
        assertThat(written.json()).isEqualTo("{\"b\":2}");
        assertThat(written.writtenAt()).isEqualTo(clock.instant());
    }

    @Test
    void collectionsAreListedSorted() {
        DirectoryStore store = Stores.directory(root, clock);
        for (String collection : List.of("runs", "aliases", "Models", "0-first")) {
            store.put(collection, "k", "{}");
        }

        assertThat(store.collections()).containsExactly("0-first", "Models", "aliases", "runs");
    }

    @Test
    void aStoreWithATamperedDocumentIsNotClean() throws Exception {
        Stores.directory(root, clock).put("runs", "run-1", "{\"auc\": 0.71}");
        Path file = root.resolve("runs").resolve("run-1.json");
        Files.writeString(file, Files.readString(file).replace("0.71", "0.99"));

        StoreCheckResult result = StoreCheck.run(root);

        assertThat(result.isClean()).isFalse();
        assertThat(result.problems()).isNotEmpty();
    }
}
