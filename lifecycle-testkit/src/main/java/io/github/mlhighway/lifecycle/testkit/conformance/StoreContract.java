package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import io.github.mlhighway.lifecycle.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The contract of the {@link Store} SPI as tests. An implementation proves it by extending this class and
 * returning a fresh, empty store from {@link #newStore()} whose timestamps come from the kit's {@link #clock}, and,
 * if it is durable, by reopening it in {@link #reopen(Store)}:
 *
 * <pre>{@code
 * class MyStoreContractTest extends StoreContract {
 *     @TempDir
 *     Path root;
 *
 *     @Override
 *     protected Store newStore() {
 *         return Stores.directory(root, clock);   // here: a fresh, empty store of yours, on the kit's clock
 *     }
 *
 *     @Override
 *     protected Store reopen(Store store) {
 *         return Stores.directory(root, clock);   // a new instance over what the closed one persisted
 *     }
 * }
 * }</pre>
 *
 * <p>The rules, and the tests that assert them (each rule of the {@link Store} and {@link StoredDocument}
 * javadoc has one):
 * <ul>
 *   <li><b>Read back</b>: a written document reads back with its collection, key, revision and JSON value
 *       ({@link #aWrittenDocumentReadsBack}); {@code write} returns the document <i>as stored</i>, equal to what
 *       a read returns even when the input is not in the store's canonical form
 *       ({@link #writeReturnsTheDocumentAsStored}); a missing document reads empty
 *       ({@link #aMissingDocumentReadsEmpty}).</li>
 *   <li><b>Any JSON value</b>: objects, arrays, strings, numbers, booleans and null, nested and with escapes and
 *       non-ASCII text, keep their value ({@link #anyJsonValueReadsBackWithTheSameValue}); documents of a megabyte
 *       and of thousands of fields too ({@link #largeDocumentsReadBackWhole}).</li>
 *   <li><b>JSON validity</b>: a body that is not exactly one JSON value (truncated, trailing text, two values,
 *       empty, single quotes, NaN, …) is refused with an {@link IllegalArgumentException} and nothing is written
 *       ({@link #invalidJsonIsRefusedAndNothingIsWritten}).</li>
 *   <li><b>Revisions and compare-and-set</b>: revision 1 first, then +1 per write
 *       ({@link #revisionsStartAtOneAndIncreaseByOne}); {@link Store#MUST_NOT_EXIST}, a stale revision and a
 *       revision of a missing document conflict with a {@link RevisionConflictException} that reports both
 *       revisions, and write nothing ({@link #mustNotExistConflictsWhenTheDocumentExists},
 *       {@link #aStaleRevisionConflictsAndWritesNothing}, {@link #expectingARevisionOfAMissingDocumentConflicts});
 *       of threads racing to create one document exactly one wins ({@link #racingCreatesHaveExactlyOneWinner}).
 *   </li>
 *   <li><b>Names</b>: the whole rule, 1 to 128 of {@code [A-Za-z0-9._-]}, first a letter or digit, never
 *       {@code ..}; anything else, including null, a leading {@code -} or {@code _}, non-ASCII letters, control
 *       characters and separators, is refused in every operation ({@link #invalidNamesAreRefused}); names at the
 *       limits are accepted ({@link #validNamesAreAccepted}).</li>
 *   <li><b>Collections kept apart</b>: the same key in two collections, including prefix-named ones such as
 *       {@code contract} and {@code contract-old}, are two documents for read, write, keys and delete
 *       ({@link #collectionsAreKeptApart}).</li>
 *   <li><b>Keys and delete</b>: keys sorted, empty for a missing collection ({@link #keysAreSorted}); delete
 *       removes and reports, and a deleted key starts again at revision 1 ({@link #deleteRemovesTheDocument}).</li>
 *   <li><b>Clock</b>: {@code writtenAt} is the store's clock at the write ({@link #writtenAtComesFromTheStoreClock}).
 *   </li>
 *   <li><b>Atomicity and thread safety</b>: {@value #THREADS} threads making up to {@link #incrementsPerThread()}
 *       compare-and-set increments each, for at most {@link #contentionBudget()}, lose no update, while a reader never sees a torn document (body and
 *       revision disagreeing, or a body mixing two writes) and no thread's reads go back in time — a read after
 *       this thread saw revision N (its own write, or a conflict reporting N) that returns less than N is a stale
 *       read, reported at once rather than spun on ({@link #concurrentIncrementsLoseNoUpdateAndNoReadIsTorn}).
 *       The test is bounded: it fails, naming what was still running, after {@link #concurrencyTimeout()}.</li>
 *   <li><b>Durability</b>: after {@link #reopen(Store)}, every document (revision, {@code writtenAt}, JSON), every
 *       delete and the collections' keys are as they were, and revisions continue from where they were
 *       ({@link #documentsSurviveAReopen}, {@link #revisionsAndConflictsContinueAfterAReopen}).</li>
 * </ul>
 *
 * <p><b>In-memory stores.</b> {@link #reopen(Store)} returns null by default, which declares the store not
 * durable: the two durability tests are then <i>skipped</i> (reported as aborted with the reason "not durable"),
 * every other test runs. A store that claims durability must override it; the kit cannot tell a store that forgets
 * from one that was never meant to remember, so it asks the implementer to say which it is rather than make the
 * hook abstract and force every in-memory store to write {@code return null}.
 *
 * <p>Each test gets its own store, closed after the test ({@link #closeStore()} may be overridden to also delete
 * what the store left behind).
 *
 * @since 0.1
 */
public abstract class StoreContract {

    /** Collection used by the tests. */
    protected static final String COLLECTION = "contract";
    /** A collection whose name starts with {@link #COLLECTION}, to catch prefix matching. */
    protected static final String PREFIXED_COLLECTION = "contract-old";
    /** How many threads the concurrency test runs. */
    protected static final int THREADS = 4;

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The store's clock: pass it to the store in {@link #newStore()}; tests advance it. */
    protected final TestClock clock = TestClock.create();

    /** The store under test, fresh for each test. */
    protected Store store;

    /** Whether {@link #store} was closed by {@link #reopenStore()} and not (yet) replaced by the reopened store. */
    private boolean closedForReopen;

    /** Creates the contract; subclasses are JUnit test classes. */
    protected StoreContract() {
    }

    /**
     * A fresh, empty store whose clock is {@link #clock}. Called once before each test.
     *
     * @return the store under test
     * @throws Exception if it cannot be created
     */
    protected abstract Store newStore() throws Exception;

    /**
     * Return a new instance over the same persisted state as {@code store}; the kit has closed {@code store}
     * before calling. The default returns null: the store is not durable (an in-memory store), and the
     * durability tests are skipped.
     *
     * @param store the closed store
     * @return a new store over its state, or null when the store is not durable
     * @throws Exception if it cannot be reopened
     */
    protected @Nullable Store reopen(Store store) throws Exception {
        return null;
    }

    /**
     * How many compare-and-set increments each of the {@value #THREADS} threads makes. The default, 2000, is enough
     * to hit the window of a store whose read and write are not atomic; lower it only for a store that cannot do
     * 8000 contended writes within {@link #concurrencyTimeout()}.
     *
     * @return increments per thread
     */
    protected int incrementsPerThread() {
        return 2000;
    }

    /**
     * How long the threads of the concurrency test keep starting increments: each stops after
     * {@link #incrementsPerThread()} increments or when this budget is spent, whichever comes first, so a slow
     * (e.g. fsyncing or remote) store is checked on the increments it managed. The default is 10 seconds.
     *
     * @return the budget
     */
    protected Duration contentionBudget() {
        return Duration.ofSeconds(10);
    }

    /**
     * How long the concurrency test may run before it fails, as a livelock; it normally ends within
     * {@link #contentionBudget()}.
     *
     * @return the bound
     */
    protected Duration concurrencyTimeout() {
        return Duration.ofSeconds(60);
    }

    /**
     * Opens the store under test.
     *
     * @throws Exception if {@link #newStore()} fails
     */
    @BeforeEach
    protected void openStore() throws Exception {
        closedForReopen = false;
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
        if (store != null && !closedForReopen) {
            store.close();
        }
    }

    /** A written document reads back with the same collection, key, revision and JSON value. */
    @Test
    protected void aWrittenDocumentReadsBack() {
        StoredDocument written = store.put(COLLECTION, "model-a", "{\"accuracy\":0.93,\"name\":\"a\"}");

        StoredDocument read = store.read(COLLECTION, "model-a").orElseThrow();

        assertThat(read.collection()).isEqualTo(COLLECTION);
        assertThat(read.key()).isEqualTo("model-a");
        assertThat(read.revision()).isEqualTo(written.revision());
        assertThat(read.json()).isEqualTo(written.json());
        assertSameJson(read.json(), "{\"accuracy\":0.93,\"name\":\"a\"}");
    }

    /** What {@code write} returns is the document as stored: equal, component by component, to a later read. */
    @Test
    protected void writeReturnsTheDocumentAsStored() {
        String loose = "{ \"b\" : [ 1 , 2.50 , \"x\" ] ,\n\t\"a\" : { \"nested\" : true } }";

        StoredDocument written = store.write(COLLECTION, "loose", loose, Store.MUST_NOT_EXIST);
        StoredDocument read = store.read(COLLECTION, "loose").orElseThrow();

        assertThat(written).as("the document write returned, against the one read").isEqualTo(read);
        assertSameJson(read.json(), loose);
        StoredDocument again = store.write(COLLECTION, "loose", "[ ]", 1);
        assertThat(again).isEqualTo(store.read(COLLECTION, "loose").orElseThrow());
    }

    /** Reading a document that was never written is empty, in an existing and a missing collection. */
    @Test
    protected void aMissingDocumentReadsEmpty() {
        assertThat(store.read("never-written", "x")).isEmpty();
        store.put(COLLECTION, "present", "{}");
        assertThat(store.read(COLLECTION, "absent")).isEmpty();
    }

    /** Every kind of JSON value, not only objects, is stored and reads back with the same value. */
    @Test
    protected void anyJsonValueReadsBackWithTheSameValue() {
        List<String> values = List.of("[1,2,3]", "[]", "{}", "\"just a string\"", "42", "-0.5", "1e300", "true",
                "false", "null", "[{\"a\":[{\"b\":null}]},[[]],\"\"]", "\"quote \\\" backslash \\\\ tab \\t\"",
                "{\"text\":\"Zürich, 東京, \\u00e9, emoji \\ud83d\\ude00\"}", "12345678901234567890",
                "{\"big\":123456789012345678901234567890.5}");
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String key = "value-" + i;
            StoredDocument written = store.put(COLLECTION, key, value);
            assertSameJson(written.json(), value);
            assertSameJson(store.read(COLLECTION, key).orElseThrow().json(), value);
        }
    }

    /** A document of about a megabyte and one of ten thousand fields read back whole. */
    @Test
    protected void largeDocumentsReadBackWhole() {
        StringBuilder big = new StringBuilder("{\"blob\":\"");
        for (int i = 0; i < 1_000_000; i++) {
            big.append((char) ('a' + i % 26));
        }
        big.append("\"}");
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 10_000; i++) {
            wide.append(i == 0 ? "" : ",").append("\"field").append(i).append("\":").append(i);
        }
        wide.append('}');

        store.put(COLLECTION, "big", big.toString());
        store.put(COLLECTION, "wide", wide.toString());

        assertSameJson(store.read(COLLECTION, "big").orElseThrow().json(), big.toString());
        assertSameJson(store.read(COLLECTION, "wide").orElseThrow().json(), wide.toString());
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
        assertSameJson(kept.json(), "{\"v\":1}");
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
        assertSameJson(kept.json(), "{\"v\":2}");
        assertThatThrownBy(() -> store.write(COLLECTION, "k", "{\"v\":3}", 3))
                .as("a revision from the future").isInstanceOf(RevisionConflictException.class);
    }

    /** A compare-and-set expecting a revision of a document that does not exist conflicts with actual 0. */
    @Test
    protected void expectingARevisionOfAMissingDocumentConflicts() {
        assertThatThrownBy(() -> store.write(COLLECTION, "absent", "{}", 3))
                .isInstanceOf(RevisionConflictException.class)
                .satisfies(e -> assertThat(((RevisionConflictException) e).actualRevision()).isZero());
        assertThat(store.read(COLLECTION, "absent")).isEmpty();
        assertThat(store.keys(COLLECTION)).isEmpty();
    }

    /**
     * Of threads racing to create one document with MUST_NOT_EXIST, exactly one wins; the others conflict.
     *
     * @throws Exception if a thread fails
     */
    @Test
    protected void racingCreatesHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 20; round++) {
            String key = "race-" + round;
            List<Boolean> wins = runConcurrently(THREADS, thread -> {
                try {
                    store.write(COLLECTION, key, "{\"thread\":" + thread + "}", Store.MUST_NOT_EXIST);
                    return true;
                } catch (RevisionConflictException e) {
                    return false;
                }
            });
            assertThat(wins).as("winners of the race to create %s", key).containsOnlyOnce(true);
            assertThat(store.read(COLLECTION, key).orElseThrow().revision()).isEqualTo(1);
        }
    }

    /**
     * Names breaking any part of the rule — empty, too long, a separator or {@code ..}, a leading dot, dash or
     * underscore, non-ASCII, whitespace or control characters, null — are refused in every operation.
     */
    @Test
    protected void invalidNamesAreRefused() {
        List<String> invalid = Arrays.asList("", "../x", "..", "a/b", "a\\b", "/abs", ".hidden", "a..b", "a b",
                "x".repeat(129), "-lead", "_lead", "é", "caf\u00e9", "ключ", "\u0661", "a\u0000b", "a\nb", "a\t",
                "a:b", "a*", "a?", "a%2Fb", "\uff41", null);
        for (String name : invalid) {
            String shown = name == null ? "null" : "'" + name.replace("\n", "\\n").replace("\u0000", "\\0") + "'";
            assertRefused(() -> store.put(COLLECTION, name, "{}"), "put key " + shown);
            assertRefused(() -> store.write(COLLECTION, name, "{}", Store.MUST_NOT_EXIST), "write key " + shown);
            assertRefused(() -> store.put(name, "k", "{}"), "put collection " + shown);
            assertRefused(() -> store.read(COLLECTION, name), "read key " + shown);
            assertRefused(() -> store.read(name, "k"), "read collection " + shown);
            assertRefused(() -> store.delete(COLLECTION, name), "delete key " + shown);
            assertRefused(() -> store.delete(name, "k"), "delete collection " + shown);
            assertRefused(() -> store.keys(name), "keys of collection " + shown);
        }
        assertThat(store.keys(COLLECTION)).isEmpty();
    }

    /** Names at the limits of the rule are accepted, as keys and as collection names. */
    @Test
    protected void validNamesAreAccepted() {
        List<String> valid = List.of("a", "9", "Z", "model_v1.2-rc", "x".repeat(128), "a.", "a-", "a_", "a.b.c",
                "A-_.-_9");
        for (String name : valid) {
            store.put(COLLECTION, name, "{\"name\":\"" + name + "\"}");
            store.put(name, "k", "{}");
            assertThat(store.read(name, "k")).as("collection %s", name).isPresent();
        }
        assertThat(store.keys(COLLECTION)).containsExactlyInAnyOrderElementsOf(valid);
        for (String name : valid) {
            assertSameJson(store.read(COLLECTION, name).orElseThrow().json(), "{\"name\":\"" + name + "\"}");
        }
    }

    /** A body that is not exactly one JSON value is refused and nothing is written, not even over a document. */
    @Test
    @SuppressWarnings("NullAway") // passes a null body on purpose: the store must refuse it
    protected void invalidJsonIsRefusedAndNothingIsWritten() {
        List<String> invalid = List.of("{not json", "{\"v\":", "", "   ", "{} {}", "{\"a\":1}}", "[1,]", "[1 2]",
                "{'a':1}", "{a:1}", "NaN", "undefined", "tru", "\"unterminated", "{\"a\":1,}", "// comment\n{}",
                "01", "[1]x");
        for (String body : invalid) {
            assertThatThrownBy(() -> store.put(COLLECTION, "new", body)).as("body <%s>", body)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.read(COLLECTION, "new")).isEmpty();
        assertThat(store.keys(COLLECTION)).doesNotContain("new");

        store.put(COLLECTION, "old", "{\"v\":1}");
        for (String body : invalid) {
            assertThatThrownBy(() -> store.put(COLLECTION, "old", body)).as("body <%s> over a document", body)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        StoredDocument kept = store.read(COLLECTION, "old").orElseThrow();
        assertThat(kept.revision()).isEqualTo(1);
        assertSameJson(kept.json(), "{\"v\":1}");
        assertThatThrownBy(() -> store.put(COLLECTION, "old", null)).as("a null body")
                .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
    }

    /** Keys come back sorted, whatever the order they were written in; a missing collection has none. */
    @Test
    protected void keysAreSorted() {
        List<String> written = List.of("delta", "alpha", "charlie", "bravo", "Zulu", "1-first", "alpha.2", "alpha-2",
                "alpha_2", "b", "a9", "a10");
        for (String key : written) {
            store.put(COLLECTION, key, "{}");
        }
        store.put("other", "zzz", "{}");

        List<String> keys = store.keys(COLLECTION);

        assertThat(keys).containsExactlyElementsOf(written.stream().sorted().toList());
        assertThat(store.keys("empty-collection")).isEmpty();
    }

    /**
     * One key in collections whose names share a prefix ({@code contract}, {@code contract-old}, {@code contract.v2})
     * is one document per collection: a write, read, delete or listing of one never touches another.
     */
    @Test
    protected void collectionsAreKeptApart() {
        List<String> collections = List.of(COLLECTION, PREFIXED_COLLECTION, COLLECTION + ".v2", "c");
        for (String collection : collections) {
            store.put(collection, "shared", "{\"in\":\"" + collection + "\"}");
            store.put(collection, "only-" + collection.replace('.', '-'), "{}");
        }
        store.put(COLLECTION, "shared", "{\"in\":\"" + COLLECTION + "\",\"second\":true}");

        for (String collection : collections) {
            StoredDocument shared = store.read(collection, "shared").orElseThrow();
            assertThat(shared.collection()).isEqualTo(collection);
            assertThat(shared.revision()).as("revision of shared in %s", collection)
                    .isEqualTo(collection.equals(COLLECTION) ? 2 : 1);
            assertThat(tree(shared.json()).get("in").asText()).isEqualTo(collection);
            assertThat(store.keys(collection)).as("keys of %s", collection)
                    .containsExactly("only-" + collection.replace('.', '-'), "shared");
        }
        assertThat(store.read(PREFIXED_COLLECTION, "only-" + COLLECTION)).isEmpty();
        assertThat(store.read(COLLECTION, "only-" + PREFIXED_COLLECTION)).isEmpty();

        assertThat(store.delete(COLLECTION, "shared")).isTrue();
        assertThat(store.delete(COLLECTION, "only-" + PREFIXED_COLLECTION)).isFalse();
        assertThat(store.read(PREFIXED_COLLECTION, "shared")).as("shared in %s after a delete in %s",
                PREFIXED_COLLECTION, COLLECTION).isPresent();
        assertThat(store.read(PREFIXED_COLLECTION, "only-" + PREFIXED_COLLECTION)).isPresent();
        assertThat(store.keys(PREFIXED_COLLECTION)).containsExactly("only-" + PREFIXED_COLLECTION, "shared");
        assertThat(store.keys(COLLECTION)).containsExactly("only-" + COLLECTION);
        assertThatThrownBy(() -> store.write(COLLECTION, "shared", "{}", 1))
                .as("a compare-and-set on a deleted document, expecting the revision another collection has")
                .isInstanceOf(RevisionConflictException.class);
    }

    /** Delete removes the document and reports whether there was one; a deleted key can be created again. */
    @Test
    protected void deleteRemovesTheDocument() {
        store.put(COLLECTION, "a", "{}");
        store.put(COLLECTION, "a", "{}");
        store.put(COLLECTION, "b", "{}");

        assertThat(store.delete(COLLECTION, "a")).isTrue();
        assertThat(store.delete(COLLECTION, "a")).isFalse();
        assertThat(store.delete("never-written", "a")).isFalse();

        assertThat(store.read(COLLECTION, "a")).isEmpty();
        assertThat(store.keys(COLLECTION)).containsExactly("b");
        assertThat(store.write(COLLECTION, "a", "{}", Store.MUST_NOT_EXIST).revision()).isEqualTo(1);
        assertThat(store.read(COLLECTION, "b")).isPresent();
    }

    /** {@code writtenAt} is the store's clock at the write, on the write's result and on later reads. */
    @Test
    protected void writtenAtComesFromTheStoreClock() {
        clock.advance(Duration.ofDays(3).plusMillis(17));
        StoredDocument first = store.put(COLLECTION, "k", "{}");
        assertThat(first.writtenAt()).as("writtenAt of the first write").isEqualTo(clock.instant());

        clock.advance(Duration.ofMinutes(5).plusMillis(250));
        StoredDocument second = store.write(COLLECTION, "k", "{\"v\":2}", 1);

        assertThat(second.writtenAt()).as("writtenAt of the second write").isEqualTo(clock.instant());
        clock.advance(Duration.ofHours(1));
        assertThat(store.read(COLLECTION, "k").orElseThrow().writtenAt()).as("writtenAt read an hour later")
                .isEqualTo(second.writtenAt());
    }

    /**
     * {@value #THREADS} threads increment one counter by read-then-compare-and-set, retrying on conflict, while a
     * reader checks every document it sees. No update is lost, no read is torn (each body names its own revision
     * and repeats one value throughout), and no thread ever reads a revision older than one it already saw.
     *
     * @throws Exception if a thread fails
     */
    @Test
    protected void concurrentIncrementsLoseNoUpdateAndNoReadIsTorn() throws Exception {
        int increments = incrementsPerThread();
        store.write(COLLECTION, "counter", counter(0), Store.MUST_NOT_EXIST);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        int total = 0;
        try {
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    long stopStarting = System.nanoTime() + contentionBudget().toNanos();
                    long seen = 1;
                    int done = 0;
                    for (int i = 0; i < increments && System.nanoTime() - stopStarting < 0; i++) {
                        while (true) {
                            StoredDocument current = store.read(COLLECTION, "counter").orElseThrow();
                            long count = checkedCount(current, seen);
                            seen = current.revision();
                            try {
                                seen = store.write(COLLECTION, "counter", counter(count + 1), current.revision())
                                        .revision();
                                done++;
                                break;
                            } catch (RevisionConflictException e) {
                                seen = Math.max(seen, e.actualRevision());
                            }
                        }
                    }
                    return done;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                long seen = 1;
                int reads = 0;
                while (writing.get()) {
                    StoredDocument current = store.read(COLLECTION, "counter").orElseThrow();
                    checkedCount(current, seen);
                    seen = current.revision();
                    reads++;
                }
                return reads;
            });
            start.countDown();
            long deadline = System.nanoTime() + concurrencyTimeout().toNanos();
            for (Future<Integer> worker : workers) {
                total += await(worker, deadline, "an incrementing thread");
            }
            writing.set(false);
            await(reader, deadline, "the reading thread");
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        StoredDocument last = store.read(COLLECTION, "counter").orElseThrow();
        assertThat(total).as("increments made within the contention budget").isGreaterThanOrEqualTo(THREADS);
        assertThat(count(last.json())).as("count after %d successful increments", total).isEqualTo(total);
        assertThat(last.revision()).isEqualTo(1 + total);
    }

    /**
     * Documents, their revisions, {@code writtenAt} and JSON, deletes and keys survive closing and reopening.
     *
     * @throws Exception if the store cannot be reopened
     */
    @Test
    protected void documentsSurviveAReopen() throws Exception {
        store.put(COLLECTION, "kept", "{\"v\":1}");
        clock.advance(Duration.ofSeconds(30));
        StoredDocument kept = store.put(COLLECTION, "kept", "{\"v\":[2,\"two\"]}");
        StoredDocument other = store.put(PREFIXED_COLLECTION, "kept", "\"another collection\"");
        store.put(COLLECTION, "deleted", "{}");
        store.delete(COLLECTION, "deleted");
        List<String> keys = store.keys(COLLECTION);

        Store reopened = reopenStore();

        assertThat(reopened.read(COLLECTION, "kept")).as("kept after a reopen").contains(kept);
        assertThat(reopened.read(PREFIXED_COLLECTION, "kept")).contains(other);
        assertThat(reopened.read(COLLECTION, "deleted")).as("a document deleted before the reopen").isEmpty();
        assertThat(reopened.keys(COLLECTION)).isEqualTo(keys).containsExactly("kept");
    }

    /**
     * After a reopen the next write continues the revision, and compare-and-set still conflicts on the old one.
     *
     * @throws Exception if the store cannot be reopened
     */
    @Test
    protected void revisionsAndConflictsContinueAfterAReopen() throws Exception {
        store.put(COLLECTION, "k", "{}");
        store.put(COLLECTION, "k", "{}");

        Store reopened = reopenStore();

        assertThatThrownBy(() -> reopened.write(COLLECTION, "k", "{}", Store.MUST_NOT_EXIST))
                .isInstanceOf(RevisionConflictException.class);
        assertThatThrownBy(() -> reopened.write(COLLECTION, "k", "{}", 1))
                .isInstanceOf(RevisionConflictException.class);
        assertThat(reopened.write(COLLECTION, "k", "{}", 2).revision()).isEqualTo(3);
    }

    /** Closes the store, reopens it through {@link #reopen}, and skips the test if it is not durable. */
    private Store reopenStore() throws Exception {
        Store closed = store;
        closed.close();
        closedForReopen = true; // until the reopened store replaces it, closeStore() must not close it again
        Store reopened = reopen(closed);
        if (reopened == null) { // as Assumptions.assumeTrue(false, ...), in a form NullAway understands
            throw new TestAbortedException("Assumption failed: not durable: reopen(store) returned null, so the"
                    + " durability rules are not checked for this store");
        }
        assertThat(reopened).as("reopen(store) must return a new instance").isNotSameAs(closed);
        store = reopened;
        closedForReopen = false;
        return reopened;
    }

    private static String counter(long count) {
        StringBuilder json = new StringBuilder("{\"count\":").append(count).append(",\"copies\":[");
        for (int i = 0; i < 16; i++) {
            json.append(i == 0 ? "" : ",").append(count);
        }
        return json.append("]}").toString();
    }

    /** The count of a counter document, after checking it is not torn and not older than {@code seen}. */
    private static long checkedCount(StoredDocument document, long seen) {
        if (document.revision() < seen) {
            fail("Stale read: this thread already saw revision " + seen + " of " + COLLECTION
                    + "/counter, then read revision " + document.revision() + " (a read cache not invalidated?)");
        }
        JsonNode tree = tree(document.json());
        long count = tree.get("count").asLong();
        if (count != document.revision() - 1) {
            fail("Torn read: revision " + document.revision() + " carries the body of count " + count + ": "
                    + document.json());
        }
        for (JsonNode copy : tree.get("copies")) {
            if (copy.asLong() != count) {
                fail("Torn read: the body mixes two writes: " + document.json());
            }
        }
        return count;
    }

    private static long count(String json) {
        return tree(json).get("count").asLong();
    }

    private static <T> T await(Future<T> future, long deadline, String what) throws Exception {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw e;
        } catch (TimeoutException e) {
            return fail("The concurrency test did not finish in time: " + what + " was still running (a livelock, a"
                    + " lost wake-up or a store too slow for incrementsPerThread())");
        }
    }

    /** Runs one task per thread, started together, and returns their results in thread order. */
    private static <T> List<T> runConcurrently(int threads, ThreadTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<T> callable = () -> {
                    start.await();
                    return task.run(thread);
                };
                futures.add(pool.submit(callable));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (Future<T> future : futures) {
                results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadTask<T> {
        T run(int thread) throws Exception;
    }

    private static void assertRefused(Runnable call, String what) {
        assertThatThrownBy(call::run).as(what).isInstanceOf(IllegalArgumentException.class);
    }

    /** Asserts that two texts are the same JSON value (numbers compared by value, objects by field). */
    static void assertSameJson(String actual, String expected) {
        JsonNode actualTree = tree(actual);
        JsonNode expectedTree = tree(expected);
        assertThat(actualTree).as("JSON value %s, expected %s", abbreviate(actual), abbreviate(expected))
                .isEqualTo(expectedTree);
    }

    private static String abbreviate(String json) {
        return json.length() <= 200 ? json : json.substring(0, 200) + "… (" + json.length() + " characters)";
    }

    private static JsonNode tree(String json) {
        try {
            JsonNode tree = STRICT.readTree(json);
            return Optional.ofNullable(tree).filter(node -> !node.isMissingNode()).orElseThrow(
                    () -> new AssertionError("The store returned an empty body where a JSON value was expected"));
        } catch (JsonProcessingException e) {
            throw new AssertionError("The store returned a body that is not valid JSON: " + abbreviate(json), e);
        }
    }
}
