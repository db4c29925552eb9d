package io.github.mlhighway.lifecycle.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mlhighway.lifecycle.core.SimClock;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryStoreTest {

    @TempDir
    Path root;

    private final SimClock clock = SimClock.atDefault();

    private DirectoryStore store() {
        return Stores.directory(root, clock);
    }

    @Test
    void aWrittenDocumentReadsBackWithItsRevisionAndTime() {
        Store store = store();
        store.put("runs", "run-1", "{\"b\": 2, \"a\": [1, 2]}");

        StoredDocument document = store.read("runs", "run-1").orElseThrow();

        assertThat(document.revision()).isEqualTo(1);
        assertThat(document.writtenAt()).isEqualTo(clock.instant());
        assertThat(document.json()).isEqualTo("{\"b\":2,\"a\":[1,2]}");
        assertThat(store.keys("runs")).containsExactly("run-1");
        assertThat(store.read("runs", "missing")).isEmpty();
    }

    @Test
    void compareAndSetRefusesAStaleRevisionAndKeepsTheDocument() {
        Store store = store();
        store.write("aliases", "champion", "{\"version\": 1}", Store.MUST_NOT_EXIST);
        store.write("aliases", "champion", "{\"version\": 2}", 1);

        assertThatThrownBy(() -> store.write("aliases", "champion", "{\"version\": 3}", 1))
                .isInstanceOf(RevisionConflictException.class).hasMessageContaining("aliases/champion")
                .hasMessageContaining("revision 2");
        assertThatThrownBy(() -> store.write("aliases", "champion", "{}", Store.MUST_NOT_EXIST))
                .isInstanceOf(RevisionConflictException.class);
        assertThat(store.read("aliases", "champion").orElseThrow().json()).isEqualTo("{\"version\":2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "..", "a/b", "", ".hidden", "a..b", "name with space"})
    void namesThatCouldLeaveTheirDirectoryAreRefused(String name) {
        Store store = store();

        assertThatThrownBy(() -> store.put("runs", name, "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid store key");
        assertThatThrownBy(() -> store.put(name, "key", "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid store collection");
    }

    @Test
    void invalidJsonIsRefusedBeforeAnythingIsWritten() {
        Store store = store();
        store.put("runs", "run-1", "{\"ok\": true}");

        assertThatThrownBy(() -> store.put("runs", "run-1", "{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs/run-1");
        assertThat(store.read("runs", "run-1").orElseThrow().json()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void aTamperedDocumentIsRefusedWithItsFileNamed() throws Exception {
        Store store = store();
        store.put("runs", "run-1", "{\"auc\": 0.71}");
        Path file = root.resolve("runs").resolve("run-1.json");
        Files.writeString(file, Files.readString(file).replace("0.71", "0.99"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.read("runs", "run-1")).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("fails verification");
    }

    @Test
    void aTruncatedDocumentIsRefusedAsCorrupt() throws Exception {
        Store store = store();
        store.put("runs", "run-1", "{\"auc\": 0.71}");
        Path file = root.resolve("runs").resolve("run-1.json");
        Files.writeString(file, Files.readString(file).substring(0, 20), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.read("runs", "run-1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("Corrupt document");
    }

    @Test
    void concurrentCompareAndSetWritersNeverLoseAnUpdate() throws Exception {
        DirectoryStore store = store();
        store.put("counters", "c", "{\"n\": 0}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    while (true) {
                        StoredDocument current = store.read("counters", "c").orElseThrow();
                        int n = Integer.parseInt(current.json().replaceAll("\\D", ""));
                        try {
                            store.write("counters", "c", "{\"n\": " + (n + 1) + "}", current.revision());
                            break;
                        } catch (RevisionConflictException retry) {
                            // someone else won; read again
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        assertThat(store.read("counters", "c").orElseThrow().json()).isEqualTo("{\"n\":100}");
        try (Stream<Path> files = Files.list(root.resolve("counters"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("c.json", ".lock");
        }
    }

    @Test
    void leftoverTemporaryFilesAreNeitherKeysNorUnreadable() throws Exception {
        DirectoryStore store = store();
        store.put("runs", "run-1", "{}");
        Path collection = root.resolve("runs");
        Files.writeString(collection.resolve(".tmp-123.json"), "{\"half\": ");
        Files.writeString(collection.resolve(".tmp-456.tmp"), "{\"half\": ");
        Files.writeString(collection.resolve("bad name.json"), "{}");
        Files.createDirectory(collection.resolve("dir.json"));

        assertThat(store.keys("runs")).containsExactly("run-1");
        for (String key : store.keys("runs")) {
            assertThat(store.read("runs", key)).isPresent();
        }
    }

    @Test
    void collectionsListsOnlyValidCollectionNames() throws Exception {
        DirectoryStore store = store();
        store.put("runs", "run-1", "{}");
        Files.createDirectory(root.resolve(".trash"));
        Files.createDirectory(root.resolve("not a name"));
        Files.writeString(root.resolve("file"), "x");

        assertThat(store.collections()).containsExactly("runs");
    }

    @Test
    void twoInstancesOnOneDirectoryNeverLoseAnUpdate() throws Exception {
        List<DirectoryStore> stores = List.of(store(), Stores.directory(root.resolve("sub").resolve(".."), clock));
        stores.get(0).put("counters", "c", "{\"n\": 0}");
        stores.get(0).put("counters", "d", "{}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    DirectoryStore store = stores.get((thread + i) % 2);
                    incrementCounter(store);
                    if (i % 10 == 0) {
                        store.delete("counters", "d");
                        store.put("counters", "d", "{}");
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        assertThat(stores.get(1).read("counters", "c").orElseThrow().json()).isEqualTo("{\"n\":200}");
    }

    private static void incrementCounter(DirectoryStore store) {
        while (true) {
            StoredDocument current = store.read("counters", "c").orElseThrow();
            int n = Integer.parseInt(current.json().replaceAll("\\D", ""));
            try {
                store.write("counters", "c", "{\"n\": " + (n + 1) + "}", current.revision());
                return;
            } catch (RevisionConflictException retry) {
                // someone else won; read again
            }
        }
    }

    @Test
    void deletingWhatIsNotThereReturnsFalseAndCreatesNothing() {
        DirectoryStore store = store();

        assertThat(store.delete("runs", "run-1")).isFalse();
        assertThat(store.collections()).isEmpty();
        store.put("runs", "run-1", "{}");
        assertThat(store.delete("runs", "run-1")).isTrue();
        assertThat(store.read("runs", "run-1")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"revision,7", "writtenAt,2001-01-01T00:00:00Z", "format,other", "formatVersion,0"})
    void editingAnEnvelopeFieldIsRefusedWithTheFileNamed(String field, String value) throws Exception {
        Store store = store();
        store.put("aliases", "champion", "{\"version\": 1}");
        store.put("aliases", "champion", "{\"version\": 2}");
        Path file = root.resolve("aliases").resolve("champion.json");
        edit(file, file, envelope -> {
            if (field.equals("revision") || field.equals("formatVersion")) {
                envelope.put(field, Long.parseLong(value));
            } else {
                envelope.put(field, value);
            }
        });

        assertThatThrownBy(() -> store.read("aliases", "champion")).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
        assertThatThrownBy(() -> store.write("aliases", "champion", "{}", 7)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aDocumentCopiedUnderAnotherKeyIsRefused() throws Exception {
        Store store = store();
        store.put("aliases", "staging", "{\"version\": 9}");
        Path source = root.resolve("aliases").resolve("staging.json");
        Path copy = root.resolve("aliases").resolve("champion.json");
        edit(source, copy, envelope -> envelope.put("key", "champion"));

        assertThatThrownBy(() -> store.read("aliases", "champion")).isInstanceOf(StoreException.class)
                .hasMessageContaining(copy.toString()).hasMessageContaining("fails verification");
    }

    @Test
    void aDocumentCopiedIntoAnotherCollectionIsRefused() throws Exception {
        Store store = store();
        store.put("scratch", "champion", "{\"version\": 9}");
        Files.createDirectories(root.resolve("aliases"));
        Path source = root.resolve("scratch").resolve("champion.json");
        Path copy = root.resolve("aliases").resolve("champion.json");
        edit(source, copy, envelope -> envelope.put("collection", "aliases"));

        assertThatThrownBy(() -> store.read("aliases", "champion")).isInstanceOf(StoreException.class)
                .hasMessageContaining(copy.toString()).hasMessageContaining("fails verification");
    }

    private static void edit(Path from, Path to, Consumer<ObjectNode> change) throws Exception {
        ObjectNode envelope = (ObjectNode) Json.mapper().readTree(Files.readString(from, StandardCharsets.UTF_8));
        change.accept(envelope);
        Files.writeString(to, Json.writePretty(envelope), StandardCharsets.UTF_8);
    }

    @Test
    void theInMemoryStoreFollowsTheSameRules() {
        Store store = Stores.inMemory(clock);
        store.write("a", "k", "{}", Store.MUST_NOT_EXIST);

        assertThatThrownBy(() -> store.write("a", "k", "{}", 5)).isInstanceOf(RevisionConflictException.class);
        assertThatThrownBy(() -> store.put("a", "../k", "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.delete("a", "k")).isTrue();
        assertThat(store.keys("a")).isEmpty();
    }

    @Test
    void aReadOnlyStoreReadsWhatWasWrittenAndRefusesWritesAndDeletesWithoutTouchingTheFiles() throws Exception {
        store().put("runs", "run-1", "{\"a\": 1}");
        Path file = root.resolve("runs/run-1.json");
        String before = Files.readString(file);
        List<String> names = names(root.resolve("runs"));

        DirectoryStore readOnly = Stores.readOnlyDirectory(root);

        assertThat(readOnly.isReadOnly()).isTrue();
        assertThat(store().isReadOnly()).isFalse();
        assertThat(readOnly.read("runs", "run-1").orElseThrow().json()).isEqualTo("{\"a\":1}");
        assertThat(readOnly.keys("runs")).containsExactly("run-1");
        assertThat(readOnly.collections()).containsExactly("runs");
        assertThatThrownBy(() -> readOnly.put("runs", "run-2", "{}")).isInstanceOf(StoreException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> readOnly.delete("runs", "run-1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("read-only");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(names(root.resolve("runs"))).isEqualTo(names);
    }

    private static List<String> names(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aReadOnlyStoreOfAMissingDirectoryIsRefusedAndNothingIsCreated() {
        Path missing = root.resolve("missing");

        assertThatThrownBy(() -> Stores.readOnlyDirectory(missing)).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aDirectoryWithoutWritePermissionOpensReadOnlyButNotForWriting() throws Exception {
        store().put("runs", "run-1", "{\"a\": 1}");
        Assumptions.assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "needs POSIX permissions");
        Set<PosixFilePermission> readOnly = PosixFilePermissions.fromString("r-xr-xr-x");
        Files.setPosixFilePermissions(root.resolve("runs"), readOnly);
        Files.setPosixFilePermissions(root, readOnly);
        try {
            Assumptions.assumeFalse(Files.isWritable(root),
                    "permissions are not enforced for this user (e.g. root)");

            assertThatThrownBy(() -> Stores.directory(root, clock)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("not writable");
            assertThat(Stores.readOnlyDirectory(root).read("runs", "run-1")).isPresent();
        } finally {
            Set<PosixFilePermission> writable = PosixFilePermissions.fromString("rwx------");
            Files.setPosixFilePermissions(root, writable);
            Files.setPosixFilePermissions(root.resolve("runs"), writable);
        }
    }
}
