package io.github.mlhighway.lifecycle.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded store: one directory per collection, one JSON file per document.
 *
 * <p>Each file is an envelope {@code {"format", "formatVersion", "collection", "key", "revision", "writtenAt",
 * "sha256", "body"}}; the SHA-256 of the body's canonical text is verified on every read, so a hand-edited or
 * truncated file is refused with a {@link StoreException} that names it. A write goes to a temporary file in
 * the same directory, is fsynced, and atomically renamed over the old file, then the directory is fsynced: a
 * crash leaves the old or the new document, never a torn one. Writers are serialised per collection, within
 * the process by a lock and across processes by a file lock.
 */
public final class DirectoryStore implements Store {

    /** The {@code format} field of every document file. */
    public static final String FORMAT = "lifecycle-document";
    /** The version of the envelope layout this class writes. */
    public static final int FORMAT_VERSION = 1;

    private static final String SUFFIX = ".json";
    private static final String LOCK_FILE = ".lock";

    private final Path root;
    private final Clock clock;
    private final ConcurrentHashMap<String, ReentrantLock> collectionLocks = new ConcurrentHashMap<>();

    DirectoryStore(Path root, Clock clock) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new StoreException("Cannot create store directory " + this.root + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(this.root)) {
            throw new StoreException("Store directory " + this.root + " is not writable");
        }
    }

    /**
     * The directory this store lives in.
     *
     * @return the absolute root directory
     */
    public Path root() {
        return root;
    }

    @Override
    public Optional<StoredDocument> read(String collection, String key) {
        Path file = file(collection, key);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(parse(file, collection, key, text));
    }

    @Override
    public StoredDocument write(String collection, String key, String json, long expectedRevision) {
        Path file = file(collection, key);
        String body = canonicalBody(collection, key, json);
        ReentrantLock lock = collectionLocks.computeIfAbsent(collection, c -> new ReentrantLock());
        lock.lock();
        try {
            Path directory = Files.createDirectories(file.getParent());
            try (FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                long current = read(collection, key).map(StoredDocument::revision).orElse(0L);
                if (expectedRevision != ANY_REVISION && expectedRevision != current) {
                    throw new RevisionConflictException(collection, key, expectedRevision, current);
                }
                StoredDocument document = new StoredDocument(collection, key, current + 1, clock.instant(), body);
                writeAtomically(directory, file, envelope(document));
                return document;
            }
        } catch (IOException e) {
            throw new StoreException("Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<String> keys(String collection) {
        Path directory = root.resolve(StoreNames.requireValid(collection, "collection"));
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path path : files) {
                String name = path.getFileName().toString();
                keys.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        } catch (IOException e) {
            throw new StoreException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
        Collections.sort(keys);
        return keys;
    }

    /**
     * The collections that exist, sorted.
     *
     * @return collection names
     */
    public List<String> collections() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path path : directories) {
                names.add(path.getFileName().toString());
            }
        } catch (IOException e) {
            throw new StoreException("Cannot list " + root + ": " + e.getMessage(), e);
        }
        Collections.sort(names);
        return names;
    }

    @Override
    public boolean delete(String collection, String key) {
        Path file = file(collection, key);
        ReentrantLock lock = collectionLocks.computeIfAbsent(collection, c -> new ReentrantLock());
        lock.lock();
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("Cannot delete " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "DirectoryStore[" + root + "]";
    }

    private Path file(String collection, String key) {
        StoreNames.requireValid(collection, "collection");
        StoreNames.requireValid(key, "key");
        return root.resolve(collection).resolve(key + SUFFIX);
    }

    private static String canonicalBody(String collection, String key, String json) {
        Objects.requireNonNull(json, "json");
        try {
            return Json.mapper().writeValueAsString(Json.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Document " + collection + "/" + key + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String sha256(String body) {
        return Hashing.sha256().hashString(body, StandardCharsets.UTF_8).toString();
    }

    private static String envelope(StoredDocument document) throws JsonProcessingException {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("format", FORMAT);
        node.put("formatVersion", FORMAT_VERSION);
        node.put("collection", document.collection());
        node.put("key", document.key());
        node.put("revision", document.revision());
        node.put("writtenAt", document.writtenAt().toString());
        node.put("sha256", sha256(document.json()));
        node.set("body", Json.mapper().readTree(document.json()));
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    private static StoredDocument parse(Path file, String collection, String key, String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("Corrupt document " + file + ": not valid JSON (" + e.getOriginalMessage() + ")",
                    e);
        }
        if (node == null || !node.isObject() || !FORMAT.equals(node.path("format").asText())) {
            throw new StoreException("Corrupt document " + file + ": not a " + FORMAT + " envelope");
        }
        int version = node.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new StoreException("Document " + file + " has format version " + version
                    + "; this library reads versions 1 to " + FORMAT_VERSION);
        }
        JsonNode body = node.get("body");
        if (body == null) {
            throw new StoreException("Corrupt document " + file + ": no body");
        }
        String bodyText;
        try {
            bodyText = Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new StoreException("Corrupt document " + file + ": " + e.getOriginalMessage(), e);
        }
        String expected = node.path("sha256").asText();
        String actual = sha256(bodyText);
        if (!actual.equals(expected)) {
            throw new StoreException("Document " + file + " fails verification: body SHA-256 is " + actual
                    + " but the envelope records " + expected + " (edited or corrupted outside Lifecycle)");
        }
        if (!collection.equals(node.path("collection").asText()) || !key.equals(node.path("key").asText())) {
            throw new StoreException("Document " + file + " claims to be " + node.path("collection").asText() + "/"
                    + node.path("key").asText() + ", not " + collection + "/" + key);
        }
        try {
            return new StoredDocument(collection, key, node.path("revision").asLong(),
                    Instant.parse(node.path("writtenAt").asText()), bodyText);
        } catch (RuntimeException e) {
            throw new StoreException("Corrupt document " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path directory, Path target, String content) throws IOException {
        Path temp = Files.createTempFile(directory, ".tmp-", SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + directory + " cannot rename atomically", e);
            }
            fsyncDirectory(directory);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for fsync; the rename itself is still atomic there.
        }
    }
}
