package io.github.mlhighway.lifecycle.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StoreContract} fails every broken store below, each breaking one rule of the {@link Store} javadoc, in the
 * test that asserts that rule; and passes the correct {@link ReferenceStore} it mutates. A mutant the kit lets
 * through fails this build.
 */
class StoreContractMutantsTest {

    static Stream<Arguments> mutants() {
        return Stream.of(
                // collections kept apart
                kill(DeleteLeaksIntoPrefixedCollections.class, "collectionsAreKeptApart"),
                kill(ReadFallsBackToPrefixedCollections.class, "collectionsAreKeptApart"),
                kill(KeysIncludePrefixedCollections.class, "collectionsAreKeptApart"),
                kill(OneNamespaceForAllCollections.class, "collectionsAreKeptApart"),
                // the whole name rule
                kill(AcceptsLeadingDashOrUnderscore.class, "invalidNamesAreRefused"),
                kill(AcceptsNonAsciiLetters.class, "invalidNamesAreRefused"),
                kill(NullNameThrowsNullPointer.class, "invalidNamesAreRefused"),
                kill(RefusesATrailingDot.class, "validNamesAreAccepted"),
                kill(ChecksNamesOnlyOnWrite.class, "invalidNamesAreRefused"),
                // JSON validity, any JSON value, large documents, as stored
                kill(AcceptsTrailingText.class, "invalidJsonIsRefusedAndNothingIsWritten"),
                kill(AcceptsAnEmptyBody.class, "invalidJsonIsRefusedAndNothingIsWritten"),
                kill(DeletesTheOldDocumentBeforeCheckingTheBody.class, "invalidJsonIsRefusedAndNothingIsWritten"),
                kill(ObjectsOnly.class, "anyJsonValueReadsBackWithTheSameValue"),
                kill(TruncatesLargeBodies.class, "largeDocumentsReadBackWhole"),
                kill(ReturnsTheInputInsteadOfTheStoredBody.class, "writeReturnsTheDocumentAsStored"),
                // the store's clock
                kill(WallClockWrittenAt.class, "writtenAtComesFromTheStoreClock"),
                kill(KeepsTheFirstWrittenAt.class, "writtenAtComesFromTheStoreClock"),
                // revisions and compare-and-set
                kill(RevisionsStepByTwo.class, "revisionsStartAtOneAndIncreaseByOne"),
                kill(MustNotExistOverwrites.class, "mustNotExistConflictsWhenTheDocumentExists"),
                kill(ConflictReportsTheExpectedRevisionAsActual.class, "aStaleRevisionConflictsAndWritesNothing"),
                kill(AcceptsARevisionFromTheFuture.class, "aStaleRevisionConflictsAndWritesNothing"),
                kill(RecreatedKeyContinuesItsRevision.class, "deleteRemovesTheDocument"),
                kill(DeleteAlwaysReportsTrue.class, "deleteRemovesTheDocument"),
                kill(KeysInWriteOrder.class, "keysAreSorted"),
                // contention: torn reads, lost updates, stale reads
                kill(TornReads.class, "concurrentIncrementsLoseNoUpdateAndNoReadIsTorn"),
                kill(CompareAndSetNotAtomic.class, "concurrentIncrementsLoseNoUpdateAndNoReadIsTorn",
                        "racingCreatesHaveExactlyOneWinner"),
                kill(StaleReadCache.class, "concurrentIncrementsLoseNoUpdateAndNoReadIsTorn"),
                // durability
                kill(ForgetsEverythingOnReopen.class, "documentsSurviveAReopen", "revisionsAndConflictsContinueAfterAReopen"),
                kill(ResurrectsDeletesOnReopen.class, "documentsSurviveAReopen"),
                kill(LosesTheLastWriteOnReopen.class, "documentsSurviveAReopen",
                        "revisionsAndConflictsContinueAfterAReopen"),
                kill(RestartsRevisionsOnReopen.class, "documentsSurviveAReopen",
                        "revisionsAndConflictsContinueAfterAReopen"));
    }

    private static Arguments kill(Class<? extends StoreContract> mutant, String... tests) {
        return Arguments.of(mutant.getSimpleName(), mutant, Set.of(tests));
    }

    @ParameterizedTest(name = "the kit kills {0}")
    @MethodSource("mutants")
    void theKitFailsTheMutantInTheTestOfItsRule(String name, Class<? extends StoreContract> mutant,
                                                Set<String> rule) {
        KitRun run = KitRun.of(mutant);

        assertThat(run.count()).as("tests run against %s", name).isGreaterThan(10);
        assertThat(run.failures().keySet()).as("tests of the kit that failed %s: %s", name, run.failures())
                .containsAnyElementsOf(rule);
    }

    @Test
    void theKitPassesTheReferenceStoreTheMutantsBreak() {
        KitRun run = KitRun.of(Reference.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.aborted()).isEmpty();
    }

    @Test
    void aStoreThatIsNotDurableSkipsOnlyTheDurabilityTests() {
        KitRun run = KitRun.of(NotDurable.class);

        assertThat(run.failures()).isEmpty();
        assertThat(run.aborted()).containsExactlyInAnyOrder("documentsSurviveAReopen",
                "revisionsAndConflictsContinueAfterAReopen");
    }

    /** Mutants over a {@link ReferenceStore} whose disk survives a reopen. */
    @org.junit.jupiter.api.extension.ExtendWith(RunOnlyThroughKitRun.class)
    abstract static class DurableMutant extends StoreContract {
        final ReferenceStore.Disk disk = new ReferenceStore.Disk();

        abstract ReferenceStore open(ReferenceStore.Disk on, Clock clock);

        @Override
        protected Store newStore() {
            return open(disk, clock);
        }

        @Override
        protected Store reopen(Store store) {
            return open(disk, clock);
        }
    }

    static class Reference extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock);
        }
    }

    @org.junit.jupiter.api.extension.ExtendWith(RunOnlyThroughKitRun.class)
    static class NotDurable extends StoreContract {
        @Override
        protected Store newStore() {
            return new ReferenceStore(clock);
        }
    }

    /** The collections a store wrote to, for the mutants that leak between them. */
    static Set<String> collections(ReferenceStore store) {
        return new TreeSet<>(store.disk.collections.keySet());
    }

    static class DeleteLeaksIntoPrefixedCollections extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public boolean delete(String collection, String key) {
                    boolean deleted = false;
                    for (String other : collections(this)) {
                        if (other.startsWith(collection)) {
                            deleted |= super.delete(other, key);
                        }
                    }
                    return deleted;
                }
            };
        }
    }

    static class ReadFallsBackToPrefixedCollections extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public Optional<StoredDocument> read(String collection, String key) {
                    Optional<StoredDocument> own = super.read(collection, key);
                    if (own.isPresent()) {
                        return own;
                    }
                    for (String other : collections(this)) {
                        if (other.startsWith(collection) && super.read(other, key).isPresent()) {
                            return super.read(other, key);
                        }
                    }
                    return Optional.empty();
                }
            };
        }
    }

    static class KeysIncludePrefixedCollections extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public List<String> keys(String collection) {
                    TreeSet<String> keys = new TreeSet<>(super.keys(collection));
                    for (String other : collections(this)) {
                        if (other.startsWith(collection)) {
                            keys.addAll(super.keys(other));
                        }
                    }
                    return new ArrayList<>(keys);
                }
            };
        }
    }

    static class OneNamespaceForAllCollections extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public Optional<StoredDocument> read(String collection, String key) {
                    check(collection, key);
                    return super.read("all", key).map(d -> new StoredDocument(collection, key, d.revision(),
                            d.writtenAt(), d.json()));
                }

                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    check(collection, key);
                    StoredDocument d = super.write("all", key, json, expectedRevision);
                    return new StoredDocument(collection, key, d.revision(), d.writtenAt(), d.json());
                }

                @Override
                public List<String> keys(String collection) {
                    checkCollection(collection);
                    return super.keys("all");
                }

                @Override
                public boolean delete(String collection, String key) {
                    check(collection, key);
                    return super.delete("all", key);
                }
            };
        }
    }

    static class AcceptsLeadingDashOrUnderscore extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                boolean validName(String name) {
                    return name != null && name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}") && !name.contains("..");
                }
            };
        }
    }

    static class AcceptsNonAsciiLetters extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                boolean validName(String name) {
                    return name != null && name.matches("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd}._-]{0,127}")
                            && !name.contains("..");
                }
            };
        }
    }

    static class NullNameThrowsNullPointer extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                boolean validName(String name) {
                    return ReferenceStore.NAME.matcher(name).matches() && !name.contains("..");
                }
            };
        }
    }

    static class RefusesATrailingDot extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                boolean validName(String name) {
                    return super.validName(name) && !name.endsWith(".");
                }
            };
        }
    }

    static class ChecksNamesOnlyOnWrite extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public Optional<StoredDocument> read(String collection, String key) {
                    TreeMap<String, StoredDocument> documents = disk.collections.get(collection);
                    synchronized (disk) {
                        return Optional.ofNullable(documents == null ? null : documents.get(key));
                    }
                }
            };
        }
    }

    static class AcceptsTrailingText extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                String body(String json) {
                    try {
                        return MAPPER.writeValueAsString(MAPPER.readTree(json));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalArgumentException(e);
                    }
                }
            };
        }
    }

    static class AcceptsAnEmptyBody extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                String body(String json) {
                    return json != null && json.isBlank() ? "null" : super.body(json);
                }
            };
        }
    }

    static class DeletesTheOldDocumentBeforeCheckingTheBody extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    if (expectedRevision == ANY_REVISION) {
                        delete(collection, key);
                    }
                    return super.write(collection, key, json, expectedRevision);
                }
            };
        }
    }

    static class ObjectsOnly extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                String body(String json) {
                    String body = super.body(json);
                    if (!body.startsWith("{")) {
                        throw new IllegalArgumentException("only objects");
                    }
                    return body;
                }
            };
        }
    }

    static class TruncatesLargeBodies extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                String body(String json) {
                    String body = super.body(json);
                    return body.length() > 65_535 ? body.substring(0, 65_535) : body;
                }
            };
        }
    }

    static class ReturnsTheInputInsteadOfTheStoredBody extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    StoredDocument stored = super.write(collection, key, json, expectedRevision);
                    return new StoredDocument(collection, key, stored.revision(), stored.writtenAt(), json);
                }
            };
        }
    }

    static class WallClockWrittenAt extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                Instant now() {
                    return Clock.systemUTC().instant();
                }
            };
        }
    }

    static class KeepsTheFirstWrittenAt extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    Optional<StoredDocument> before = read(collection, key);
                    StoredDocument stored = super.write(collection, key, json, expectedRevision);
                    if (before.isEmpty()) {
                        return stored;
                    }
                    StoredDocument kept = new StoredDocument(collection, key, stored.revision(),
                            before.get().writtenAt(), stored.json());
                    synchronized (disk) {
                        disk.collections.get(collection).put(key, kept);
                    }
                    return kept;
                }
            };
        }
    }

    static class RevisionsStepByTwo extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    StoredDocument stored = super.write(collection, key, json, expectedRevision);
                    if (stored.revision() == 1) {
                        return stored;
                    }
                    StoredDocument skipped = new StoredDocument(collection, key, stored.revision() + 1,
                            stored.writtenAt(), stored.json());
                    synchronized (disk) {
                        disk.collections.get(collection).put(key, skipped);
                    }
                    return skipped;
                }
            };
        }
    }

    static class MustNotExistOverwrites extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    return super.write(collection, key, json,
                            expectedRevision == MUST_NOT_EXIST ? ANY_REVISION : expectedRevision);
                }
            };
        }
    }

    static class ConflictReportsTheExpectedRevisionAsActual extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    try {
                        return super.write(collection, key, json, expectedRevision);
                    } catch (RevisionConflictException e) {
                        throw new RevisionConflictException(collection, key, expectedRevision,
                                expectedRevision == MUST_NOT_EXIST ? e.actualRevision() : expectedRevision);
                    }
                }
            };
        }
    }

    static class AcceptsARevisionFromTheFuture extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    long current = read(collection, key).map(StoredDocument::revision).orElse(0L);
                    return super.write(collection, key, json,
                            current > 0 && expectedRevision > current ? ANY_REVISION : expectedRevision);
                }
            };
        }
    }

    static class RecreatedKeyContinuesItsRevision extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                private final Map<String, Long> deleted = new ConcurrentHashMap<>();

                @Override
                public boolean delete(String collection, String key) {
                    read(collection, key).ifPresent(d -> deleted.put(collection + "/" + key, d.revision()));
                    return super.delete(collection, key);
                }

                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    StoredDocument stored = super.write(collection, key, json, expectedRevision);
                    Long before = deleted.remove(collection + "/" + key);
                    if (before == null) {
                        return stored;
                    }
                    StoredDocument continued = new StoredDocument(collection, key, before + 1, stored.writtenAt(),
                            stored.json());
                    synchronized (disk) {
                        disk.collections.get(collection).put(key, continued);
                    }
                    return continued;
                }
            };
        }
    }

    static class DeleteAlwaysReportsTrue extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public boolean delete(String collection, String key) {
                    super.delete(collection, key);
                    return true;
                }
            };
        }
    }

    static class KeysInWriteOrder extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                private final Map<String, LinkedHashMap<String, Boolean>> order = new ConcurrentHashMap<>();

                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    StoredDocument stored = super.write(collection, key, json, expectedRevision);
                    synchronized (order) {
                        order.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(key, true);
                    }
                    return stored;
                }

                @Override
                public List<String> keys(String collection) {
                    List<String> present = super.keys(collection);
                    synchronized (order) {
                        return order.getOrDefault(collection, new LinkedHashMap<>()).keySet().stream()
                                .filter(present::contains).toList();
                    }
                }
            };
        }
    }

    /** Revision and body kept apart: a write (locked) sets the body, then the revision; a read does not lock. */
    static class TornReads extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                private final Map<String, Long> revisions = new ConcurrentHashMap<>();
                private final Map<String, String> bodies = new ConcurrentHashMap<>();
                private final Map<String, Instant> times = new ConcurrentHashMap<>();

                @Override
                public Optional<StoredDocument> read(String collection, String key) {
                    check(collection, key);
                    Long revision = revisions.get(collection + "/" + key);
                    if (revision == null) {
                        return Optional.empty();
                    }
                    // A real store doing I/O between the two reads; without it the window is so narrow that a
                    // loaded machine (few increments within the contention budget) can miss it.
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000);
                    return Optional.of(new StoredDocument(collection, key, revision,
                            times.get(collection + "/" + key), bodies.get(collection + "/" + key)));
                }

                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    StoredDocument stored = super.write(collection, key, json, expectedRevision);
                    synchronized (this) {
                        String id = collection + "/" + key;
                        times.put(id, stored.writtenAt());
                        bodies.put(id, stored.json());
                        revisions.put(id, stored.revision());
                    }
                    return stored;
                }

                @Override
                public boolean delete(String collection, String key) {
                    revisions.remove(collection + "/" + key);
                    return super.delete(collection, key);
                }
            };
        }
    }

    /** Checks the revision, then writes, with the work of canonicalising the body in between and no lock. */
    static class CompareAndSetNotAtomic extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    check(collection, key);
                    long revision = read(collection, key).map(StoredDocument::revision).orElse(0L);
                    if (expectedRevision != ANY_REVISION && expectedRevision != revision) {
                        throw new RevisionConflictException(collection, key, expectedRevision, revision);
                    }
                    String body = body(json);
                    StoredDocument written = new StoredDocument(collection, key, revision + 1, now(), body);
                    synchronized (disk) {
                        disk.collections.computeIfAbsent(collection, c -> new TreeMap<>()).put(key, written);
                    }
                    return written;
                }
            };
        }
    }

    /** Each thread keeps the documents it read or wrote and serves reads from them: others' writes go unseen. */
    static class StaleReadCache extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                private final ThreadLocal<Map<String, StoredDocument>> cache = ThreadLocal.withInitial(HashMap::new);

                @Override
                public Optional<StoredDocument> read(String collection, String key) {
                    check(collection, key);
                    StoredDocument cached = cache.get().get(collection + "/" + key);
                    if (cached != null) {
                        return Optional.of(cached);
                    }
                    Optional<StoredDocument> read = super.read(collection, key);
                    read.ifPresent(d -> cache.get().put(collection + "/" + key, d));
                    return read;
                }

                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    StoredDocument stored = super.write(collection, key, json, expectedRevision);
                    cache.get().put(collection + "/" + key, stored);
                    return stored;
                }

                @Override
                public boolean delete(String collection, String key) {
                    cache.get().remove(collection + "/" + key);
                    return super.delete(collection, key);
                }
            };
        }
    }

    @org.junit.jupiter.api.extension.ExtendWith(RunOnlyThroughKitRun.class)
    static class ForgetsEverythingOnReopen extends StoreContract {
        @Override
        protected Store newStore() {
            return new ReferenceStore(clock);
        }

        @Override
        protected Store reopen(Store store) {
            return new ReferenceStore(clock);
        }
    }

    /** Deletes are tombstones kept in memory, so the deleted documents are back after a reopen. */
    static class ResurrectsDeletesOnReopen extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            return new ReferenceStore(on, clock) {
                private final Set<String> tombstones = ConcurrentHashMap.newKeySet();

                @Override
                public Optional<StoredDocument> read(String collection, String key) {
                    return tombstones.contains(collection + "/" + key) ? Optional.empty() : super.read(collection, key);
                }

                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    if (tombstones.remove(collection + "/" + key)) {
                        super.delete(collection, key);
                    }
                    return super.write(collection, key, json, expectedRevision);
                }

                @Override
                public List<String> keys(String collection) {
                    return super.keys(collection).stream().filter(k -> !tombstones.contains(collection + "/" + k))
                            .toList();
                }

                @Override
                public boolean delete(String collection, String key) {
                    return read(collection, key).isPresent() && tombstones.add(collection + "/" + key);
                }
            };
        }
    }

    /** Write-behind: the disk lags one operation behind, and close does not flush. */
    static class LosesTheLastWriteOnReopen extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            ReferenceStore.Disk memory = copy(on);
            return new ReferenceStore(memory, clock) {
                @Override
                public StoredDocument write(String collection, String key, String json, long expectedRevision) {
                    synchronized (memory) {
                        ReferenceStore.Disk before = copy(memory);
                        StoredDocument stored = super.write(collection, key, json, expectedRevision);
                        on.collections.clear();
                        on.collections.putAll(before.collections);
                        return stored;
                    }
                }

                @Override
                public boolean delete(String collection, String key) {
                    synchronized (memory) {
                        ReferenceStore.Disk before = copy(memory);
                        boolean deleted = super.delete(collection, key);
                        on.collections.clear();
                        on.collections.putAll(before.collections);
                        return deleted;
                    }
                }
            };
        }

        private static ReferenceStore.Disk copy(ReferenceStore.Disk disk) {
            ReferenceStore.Disk copy = new ReferenceStore.Disk();
            disk.collections.forEach((c, docs) -> copy.collections.put(c, new TreeMap<>(docs)));
            return copy;
        }
    }

    /** A reopened store counts revisions from 1 again. */
    static class RestartsRevisionsOnReopen extends DurableMutant {
        @Override
        ReferenceStore open(ReferenceStore.Disk on, Clock clock) {
            on.collections.values().forEach(docs -> docs.replaceAll((key, d) -> new StoredDocument(d.collection(),
                    d.key(), 1, d.writtenAt(), d.json())));
            return new ReferenceStore(on, clock);
        }
    }
}
