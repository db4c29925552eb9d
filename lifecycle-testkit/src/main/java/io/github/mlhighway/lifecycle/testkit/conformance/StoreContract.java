package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link Store} SPI as tests. An implementation proves it by extending this class and
 * returning a fresh, empty store from {@link #newStore()}:
 *
 * <pre>{@code
 * class MyStoreContractTest extends StoreContract {
 *     @TempDir
 *     Path root;
 *
 *     @Override
 *     protected Store newStore() {
 *         return Stores.directory(root, TestClock.create());   // here: a fresh, empty store of yours
 *     }
 * }
 * }</pre>
 *
 * Each test gets its own store, closed after the test ({@link #closeStore()} may be overridden to also delete
 * what the store left behind).
 */
public abstract class StoreContract {

    /** Collection used by the tests. */
    protected static final String COLLECTION = "contract";
    /** How many threads the concurrency test runs. */
    protected static final int THREADS = 4;
    /** How many increments each thread of the concurrency test makes. */
    protected static final int INCREMENTS_PER_THREAD = 25;

    /** The store under test, fresh for each test. */
    protected Store store;

    /** Creates the contract; subclasses are JUnit test classes. */
    protected StoreContract() {
    }

    /**
     * A fresh, empty store. Called once before each test.
     *
     * @return the store under test
     * @throws Exception if it cannot be created
     */
    protected abstract Store newStore() throws Exception;

    /**
     * Opens the store under test.
     *
     * @throws Exception if {@link #newStore()} fails
     */
    @BeforeEach
    protected void openStore() throws Exception {
        store = newStore();
        assertThat(store).as("newStore()").isNotNull();
    }

    /**
     * Closes the store under test. Override to also clean up its storage (call {@code super.closeStore()}).
     *
     * @throws Exception if closing fails
     */
    @AfterEach
    protected void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    /** A written document reads back with the same collection, key and JSON value. */
    @Test
    protected void aWrittenDocumentReadsBack() {
        StoredDocument written = store.put(COLLECTION, "model-a", "{\"accuracy\":0.93,\"name\":\"a\"}");

        StoredDocument read = store.read(COLLECTION, "model-a").orElseThrow();

        assertThat(read.collection()).isEqualTo(COLLECTION);
        assertThat(read.key()).isEqualTo("model-a");
        assertThat(read.revision()).isEqualTo(written.revision());
        assertThat(read.json()).isEqualTo(written.json());
        assertThat(read.json()).contains("\"accuracy\"").contains("0.93").contains("\"name\"");
    }

    /** Reading a document that was never written is empty, in an existing and a missing collection. */
    @Test
    protected void aMissingDocumentReadsEmpty() {
        assertThat(store.read("never-written", "x")).isEmpty();
        store.put(COLLECTION, "present", "{}");
        assertThat(store.read(COLLECTION, "absent")).isEmpty();
    }

    /** The first write is revision 1 and every later write increments it by one. */
    @Test
    protected void revisionsStartAtOneAndIncreaseByOne() {
        assertThat(store.write(COLLECTION, "k", "{\"v\":1}", Store.MUST_NOT_EXIST).revision()).isEqualTo(1);
        assertThat(store.write(COLLECTION, "k", "{\"v\":2}", 1).revision()).isEqualTo(2);
        assertThat(store.put(COLLECTION, "k", "{\"v\":3}").revision()).isEqualTo(3);
        assertThat(store.read(COLLECTION, "k").orElseThrow().revision()).isEqualTo(3);
    }

    /** MUST_NOT_EXIST refuses to overwrite an existing document and leaves it intact. */
    @Test
    protected void mustNotExistConflictsWhenTheDocumentExists() {
        store.write(COLLECTION, "k", "{\"v\":1}", Store.MUST_NOT_EXIST);

        assertThatThrownBy(() -> store.write(COLLECTION, "k", "{\"v\":2}", Store.MUST_NOT_EXIST))
                .isInstanceOf(RevisionConflictException.class)
                .satisfies(e -> {
                    RevisionConflictException conflict = (RevisionConflictException) e;
                    assertThat(conflict.expectedRevision()).isEqualTo(Store.MUST_NOT_EXIST);
                    assertThat(conflict.actualRevision()).isEqualTo(1);
                });
        StoredDocument kept = store.read(COLLECTION, "k").orElseThrow();
        assertThat(kept.revision()).isEqualTo(1);
        assertThat(kept.json()).contains("1").doesNotContain("2");
    }

    /** A compare-and-set with a stale revision conflicts and writes nothing. */
    @Test
    protected void aStaleRevisionConflictsAndWritesNothing() {
        store.put(COLLECTION, "k", "{\"v\":1}");
        store.put(COLLECTION, "k", "{\"v\":2}");

        assertThatThrownBy(() -> store.write(COLLECTION, "k", "{\"v\":3}", 1))
                .isInstanceOf(RevisionConflictException.class)
                .satisfies(e -> {
                    RevisionConflictException conflict = (RevisionConflictException) e;
                    assertThat(conflict.expectedRevision()).isEqualTo(1);
                    assertThat(conflict.actualRevision()).isEqualTo(2);
                });
        StoredDocument kept = store.read(COLLECTION, "k").orElseThrow();
        assertThat(kept.revision()).isEqualTo(2);
        assertThat(kept.json()).contains("2").doesNotContain("3");
    }

    /** A compare-and-set expecting a revision of a document that does not exist conflicts with actual 0. */
    @Test
    protected void expectingARevisionOfAMissingDocumentConflicts() {
        assertThatThrownBy(() -> store.write(COLLECTION, "absent", "{}", 3))
                .isInstanceOf(RevisionConflictException.class)
                .satisfies(e -> assertThat(((RevisionConflictException) e).actualRevision()).isZero());
        assertThat(store.read(COLLECTION, "absent")).isEmpty();
    }

    /** Names that could escape a collection, or are empty or too long, are refused in every operation. */
    @Test
    protected void invalidNamesAreRefused() {
        List<String> invalid = List.of("", "../x", "..", "a/b", "a\\b", "/abs", ".hidden", "a..b", "a b",
                "x".repeat(129));
        for (String name : invalid) {
            assertThatThrownBy(() -> store.put(COLLECTION, name, "{}")).as("key %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.put(name, "k", "{}")).as("collection %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.read(COLLECTION, name)).as("read key %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(COLLECTION, name)).as("delete key %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.keys(name)).as("keys of collection %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.keys(COLLECTION)).isEmpty();
    }

    /** Names at the limits of the rules are accepted. */
    @Test
    protected void validNamesAreAccepted() {
        for (String name : List.of("a", "9", "model_v1.2-rc", "x".repeat(128))) {
            store.put(COLLECTION, name, "{}");
        }
        assertThat(store.keys(COLLECTION)).hasSize(4);
    }

    /** A body that is not JSON is refused and nothing is written, not even over an existing document. */
    @Test
    protected void invalidJsonIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> store.put(COLLECTION, "new", "{not json"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.read(COLLECTION, "new")).isEmpty();
        assertThat(store.keys(COLLECTION)).doesNotContain("new");

        store.put(COLLECTION, "old", "{\"v\":1}");
        assertThatThrownBy(() -> store.put(COLLECTION, "old", "{\"v\":"))
                .isInstanceOf(IllegalArgumentException.class);
        StoredDocument kept = store.read(COLLECTION, "old").orElseThrow();
        assertThat(kept.revision()).isEqualTo(1);
        assertThat(kept.json()).contains("\"v\"");
    }

    /** Keys come back sorted, whatever the order they were written in; a missing collection has none. */
    @Test
    protected void keysAreSorted() {
        for (String key : List.of("delta", "alpha", "charlie", "bravo", "Zulu", "1-first")) {
            store.put(COLLECTION, key, "{}");
        }
        store.put("other", "zzz", "{}");

        List<String> keys = store.keys(COLLECTION);

        assertThat(keys).containsExactlyInAnyOrder("delta", "alpha", "charlie", "bravo", "Zulu", "1-first");
        assertThat(keys).isSorted();
        assertThat(store.keys("empty-collection")).isEmpty();
    }

    /** Delete removes the document and reports whether there was one; a deleted key can be created again. */
    @Test
    protected void deleteRemovesTheDocument() {
        store.put(COLLECTION, "a", "{}");
        store.put(COLLECTION, "b", "{}");

        assertThat(store.delete(COLLECTION, "a")).isTrue();
        assertThat(store.delete(COLLECTION, "a")).isFalse();
        assertThat(store.delete("never-written", "a")).isFalse();

        assertThat(store.read(COLLECTION, "a")).isEmpty();
        assertThat(store.keys(COLLECTION)).containsExactly("b");
        assertThat(store.write(COLLECTION, "a", "{}", Store.MUST_NOT_EXIST).revision()).isEqualTo(1);
    }

    /**
     * Several threads incrementing one counter by read-then-compare-and-set, retrying on conflict, lose no
     * update: the final count and revision equal the number of increments.
     *
     * @throws Exception if a thread fails
     */
    @Test
    protected void concurrentCompareAndSetIncrementsLoseNoUpdate() throws Exception {
        store.write(COLLECTION, "counter", "{\"count\":0}", Store.MUST_NOT_EXIST);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> conflicts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Callable<Integer> worker = () -> {
                    start.await();
                    int conflictCount = 0;
                    for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                        while (true) {
                            StoredDocument current = store.read(COLLECTION, "counter").orElseThrow();
                            long count = count(current.json());
                            try {
                                store.write(COLLECTION, "counter", "{\"count\":" + (count + 1) + "}",
                                        current.revision());
                                break;
                            } catch (RevisionConflictException e) {
                                conflictCount++;
                            }
                        }
                    }
                    return conflictCount;
                };
                conflicts.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<Integer> future : conflicts) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        StoredDocument last = store.read(COLLECTION, "counter").orElseThrow();
        int increments = THREADS * INCREMENTS_PER_THREAD;
        assertThat(count(last.json())).isEqualTo(increments);
        assertThat(last.revision()).isEqualTo(1 + increments);
    }

    private static long count(String json) {
        String digits = json.replaceAll("[^0-9]", "");
        return Long.parseLong(digits);
    }
}
