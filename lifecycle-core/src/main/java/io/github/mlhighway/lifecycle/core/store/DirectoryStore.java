package io.github.mlhighway.lifecycle.core.store;

import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded store: one directory per collection, one JSON file {@code <key>.json} per document.
 *
 * <p>Each file is an envelope {@code {"format", "formatVersion", "collection", "key", "revision", "writtenAt",
 * "sha256", "body"}}. The {@code sha256} field covers every other field, so a hand-edited, truncated, or
 * copied-elsewhere file is refused on read with a {@link StoreException} that names it. It is the lowercase
 * hex SHA-256 of the UTF-8 bytes of these seven lines joined by {@code '\n'} (no trailing newline):
 * <ol>
 *   <li>{@code format}, i.e. {@value #FORMAT};</li>
 *   <li>{@code formatVersion} in decimal;</li>
 *   <li>{@code collection};</li>
 *   <li>{@code key};</li>
 *   <li>{@code revision} in decimal;</li>
 *   <li>{@code writtenAt}, the string exactly as recorded (written as ISO-8601 by {@code Instant.toString()});
 *   </li>
 *   <li>{@code body} re-serialised as compact JSON by Jackson: no whitespace, object fields in file order.</li>
 * </ol>
 * The names cannot contain a newline and compact JSON holds none outside escapes, so the text is unambiguous.
 *
 * <p>A write goes to a temporary dot-file ending in {@code .tmp} in the same directory, is fsynced, and atomically
 * renamed over the old file, then the directory is fsynced: a crash leaves the old or the new document, never a
 * torn one, and a left-over temporary file is never taken for a document. Only {@code .json} files whose names
 * are valid keys are listed by {@link #keys}. Writes and deletes are serialised per collection directory by a
 * {@link CollectionLock}, shared by every instance in the JVM and, through a file lock, with other processes.
 *
 * <p>Nothing is followed out of the store: a collection directory, document or lock file that is a symbolic link,
 * or a document that is not a regular file (a FIFO, a device), is refused with a {@link StoreException} naming it,
 * never read or written through. Revisions go from 1 to 9007199254740991 (2^53-1, the
 * largest integer every JSON reader keeps exactly); a document recording another revision is corrupt.
 *
 * <p>A store opened with {@link Stores#readOnlyDirectory} only reads: it requires an existing directory, never
 * checks that it is writable, creates nothing and takes no lock, and refuses {@link #write} and {@link #delete}
 * with a {@link StoreException}. Use it to inspect a store that must not or cannot change, e.g. a copy made
 * read-only for a ticket.
 *
 * @since 0.1
 */
public final class DirectoryStore implements Store {

    /** The {@code format} field of every document file. */
    public static final String FORMAT = "lifecycle-document";
    /** The version of the envelope layout this class writes. */
    public static final int FORMAT_VERSION = 1;

    private static final String SUFFIX = ".json";
    private static final String TEMP_PREFIX = ".";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path root;
    private final Clock clock;
    private final boolean readOnly;

    DirectoryStore(Path root, Clock clock) {
        this(root, clock, false);
    }

    DirectoryStore(Path root, Clock clock, boolean readOnly) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.readOnly = readOnly;
        if (readOnly) {
            if (!Files.isDirectory(this.root)) {
                throw new StoreException("Store directory " + this.root + " does not exist or is not a directory");
            }
            return;
        }
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

    /**
     * Whether this store was opened read-only ({@link Stores#readOnlyDirectory}), so that it refuses writes and
     * deletes.
     *
     * @return true when read-only
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public Optional<StoredDocument> read(String collection, String key) {
        Path file = file(collection, key);
        String text;
        try {
            text = SafeFiles.readString(root, file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (SafeFiles.NotRegularException e) {
            throw notRegular(e);
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(DocumentEnvelope.decode(file, collection, key, text));
    }

    @Override
    public StoredDocument write(String collection, String key, String json, long expectedRevision) {
        Path file = file(collection, key);
        requireWritable("write", file);
        String body = canonicalBody(collection, key, json);
        try {
            Path collectionDirectory = Objects.requireNonNull(file.getParent(), "a document file is in a collection");
            SafeFiles.requireRealDirectories(root, collectionDirectory);
            Path directory = Files.createDirectories(collectionDirectory);
            try (CollectionLock ignored = CollectionLock.acquire(directory)) {
                long current = read(collection, key).map(StoredDocument::revision).orElse(0L);
                if (expectedRevision != ANY_REVISION && expectedRevision != current) {
                    throw new RevisionConflictException(collection, key, expectedRevision, current);
                }
                if (current >= DocumentEnvelope.MAX_REVISION) {
                    throw new StoreException("Cannot write " + file + ": it is at revision " + current
                            + ", the highest a document can have (" + DocumentEnvelope.MAX_REVISION + ")");
                }
                StoredDocument document = new StoredDocument(collection, key, current + 1, clock.instant(), body);
                writeAtomically(directory, file, DocumentEnvelope.encode(document));
                return document;
            }
        } catch (SafeFiles.NotRegularException e) {
            throw notRegular(e);
        } catch (IOException e) {
            throw new StoreException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc} Only regular {@code .json} files whose names are valid keys count; dot-files, links and FIFOs
     * never do ({@link StoreCheck} reports those).
     *
     * @throws StoreException if the collection's directory is a symbolic link or not a directory
     */
    @Override
    public List<String> keys(String collection) {
        Path directory = root.resolve(StoreNames.requireValid(collection, "collection"));
        try {
            SafeFiles.requireRealDirectories(root, directory);
        } catch (SafeFiles.NotRegularException e) {
            throw notRegular(e);
        } catch (IOException e) {
            throw new StoreException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path path : files) {
                String name = path.getFileName().toString();
                String key = name.substring(0, name.length() - SUFFIX.length());
                if (StoreNames.isValid(key) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    keys.add(key);
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
        Collections.sort(keys);
        return keys;
    }

    /**
     * The collections that exist, sorted: the subdirectories whose names are valid collection names (a symbolic
     * link is not a collection).
     *
     * @return collection names
     */
    public List<String> collections() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(root,
                path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
            for (Path path : directories) {
                String name = path.getFileName().toString();
                if (StoreNames.isValid(name)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot list " + root + ": " + e.getMessage(), e);
        }
        Collections.sort(names);
        return names;
    }

    /** {@inheritDoc} Takes the same locks as {@link #write}; creates nothing when the collection is absent. */
    @Override
    public boolean delete(String collection, String key) {
        Path file = file(collection, key);
        requireWritable("delete", file);
        Path directory = Objects.requireNonNull(file.getParent(), "a document file is in a collection");
        try {
            SafeFiles.requireRealDirectories(root, directory);
        } catch (SafeFiles.NotRegularException e) {
            throw notRegular(e);
        } catch (IOException e) {
            throw new StoreException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (CollectionLock ignored = CollectionLock.acquire(directory)) {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                fsyncDirectory(directory);
            }
            return deleted;
        } catch (IOException e) {
            throw new StoreException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DirectoryStore[" + root + (readOnly ? ", read-only]" : "]");
    }

    private StoreException notRegular(SafeFiles.NotRegularException e) {
        return new StoreException("Refusing " + e.getFile() + " in store " + root + ": it is " + e.kind()
                + ", and a store holds only its own regular files and directories (it was replaced or linked outside"
                + " Lifecycle; `lifecycle store check` lists every such entry)", e);
    }

    private void requireWritable(String operation, Path file) {
        if (readOnly) {
            throw new StoreException("Cannot " + operation + " " + file + ": store " + root + " was opened read-only");
        }
    }

    private Path file(String collection, String key) {
        StoreNames.requireValid(collection, "collection");
        StoreNames.requireValid(key, "key");
        return root.resolve(collection).resolve(key + SUFFIX);
    }

    private static String canonicalBody(String collection, String key, String json) {
        return StoreBodies.canonical(collection, key, json);
    }

    private static void writeAtomically(Path directory, Path target, String content) throws IOException {
        Path temp = Files.createTempFile(directory, TEMP_PREFIX, TEMP_SUFFIX);
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
