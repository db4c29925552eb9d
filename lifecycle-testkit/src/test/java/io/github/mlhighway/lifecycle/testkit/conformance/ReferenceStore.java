package io.github.mlhighway.lifecycle.testkit.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A small, correct store for the kits' own tests, written so that each broken implementation overrides one hook or
 * method: the name rule, the body check, the clock, or an operation. Its state lives in a {@link Disk} that a
 * reopened instance shares, so it is "durable" across instances. Thread-safe: every operation locks the disk.
 */
class ReferenceStore implements Store {

    /** The persisted state: collection to key to document. */
    static final class Disk {
        final Map<String, TreeMap<String, StoredDocument>> collections = new ConcurrentHashMap<>();
    }

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    final Disk disk;
    final Clock clock;

    ReferenceStore(Clock clock) {
        this(new Disk(), clock);
    }

    ReferenceStore(Disk disk, Clock clock) {
        this.disk = disk;
        this.clock = clock;
    }

    /** The name rule. */
    boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /** The body as stored, or an IllegalArgumentException. */
    String body(String json) {
        if (json == null) {
            throw new IllegalArgumentException("null body");
        }
        try {
            JsonNode tree = STRICT.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException("empty body");
            }
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The time of a write. */
    Instant now() {
        return clock.instant();
    }

    final void check(String collection, String key) {
        if (!validName(collection) || !validName(key)) {
            throw new IllegalArgumentException("invalid name " + collection + "/" + key);
        }
    }

    final void checkCollection(String collection) {
        if (!validName(collection)) {
            throw new IllegalArgumentException("invalid collection " + collection);
        }
    }

    @Override
    public Optional<StoredDocument> read(String collection, String key) {
        check(collection, key);
        synchronized (disk) {
            TreeMap<String, StoredDocument> documents = disk.collections.get(collection);
            return Optional.ofNullable(documents == null ? null : documents.get(key));
        }
    }

    @Override
    public StoredDocument write(String collection, String key, String json, long expectedRevision) {
        check(collection, key);
        String body = body(json);
        synchronized (disk) {
            TreeMap<String, StoredDocument> documents = disk.collections.computeIfAbsent(collection,
                    c -> new TreeMap<>());
            StoredDocument current = documents.get(key);
            long revision = current == null ? 0 : current.revision();
            if (expectedRevision != ANY_REVISION && expectedRevision != revision) {
                throw new RevisionConflictException(collection, key, expectedRevision, revision);
            }
            StoredDocument written = new StoredDocument(collection, key, revision + 1, now(), body);
            documents.put(key, written);
            return written;
        }
    }

    @Override
    public List<String> keys(String collection) {
        checkCollection(collection);
        synchronized (disk) {
            TreeMap<String, StoredDocument> documents = disk.collections.get(collection);
            return documents == null ? List.of() : new ArrayList<>(documents.keySet());
        }
    }

    @Override
    public boolean delete(String collection, String key) {
        check(collection, key);
        synchronized (disk) {
            TreeMap<String, StoredDocument> documents = disk.collections.get(collection);
            return documents != null && documents.remove(key) != null;
        }
    }
}
