package io.github.mlhighway.lifecycle.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import io.github.mlhighway.lifecycle.text.Quoted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a document as the envelope of a {@link DirectoryStore} file and decodes and verifies it. The layout
 * and the digest scheme are specified in the {@link DirectoryStore} class comment.
 */
final class DocumentEnvelope {

    /**
     * The highest revision a document can have: 2^53-1, the largest integer every JSON reader keeps exactly. A file
     * recording more (or less than 1) is corrupt, so a forged revision cannot make later writes overflow.
     */
    static final long MAX_REVISION = (1L << 53) - 1;

    private DocumentEnvelope() {
    }

    /**
     * The envelope text of a document, indented for people to read.
     *
     * @param document the document; its body must be canonical JSON text
     * @return the file content
     * @throws JsonProcessingException if the body is not JSON
     */
    static String encode(StoredDocument document) throws JsonProcessingException {
        String writtenAt = document.writtenAt().toString();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("format", DirectoryStore.FORMAT);
        node.put("formatVersion", DirectoryStore.FORMAT_VERSION);
        node.put("collection", document.collection());
        node.put("key", document.key());
        node.put("revision", document.revision());
        node.put("writtenAt", writtenAt);
        node.put("sha256", digest(DirectoryStore.FORMAT, DirectoryStore.FORMAT_VERSION, document.collection(),
                document.key(), document.revision(), writtenAt, document.json()));
        node.set("body", Json.mapper().readTree(document.json()));
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /**
     * Parses and verifies the envelope read from a file.
     *
     * @param file       the file, for messages
     * @param collection the collection the file was read for
     * @param key        the key the file was read for
     * @param text       the file content
     * @return the document
     * @throws StoreException naming the file if it is not a readable envelope, fails verification, or belongs
     *                        to another collection or key
     */
    static StoredDocument decode(Path file, String collection, String key, String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw corrupt(file, "not valid JSON (" + Quoted.name(e.getOriginalMessage()) + ")", e);
        }
        if (node == null || !node.isObject() || !DirectoryStore.FORMAT.equals(node.path("format").asText())) {
            throw corrupt(file, "not a " + DirectoryStore.FORMAT + " envelope", null);
        }
        JsonNode versionNode = node.path("formatVersion");
        int version = versionNode.isInt() ? versionNode.intValue() : -1;
        if (version < 1 || version > DirectoryStore.FORMAT_VERSION) {
            throw new StoreException("Document " + file + " has format version "
                    + (versionNode.isMissingNode() ? "none" : Quoted.name(versionNode.toString()))
                    + "; this library reads versions 1 to " + DirectoryStore.FORMAT_VERSION);
        }
        String recordedCollection = text(file, node, "collection");
        String recordedKey = text(file, node, "key");
        String writtenAt = text(file, node, "writtenAt");
        String recordedDigest = text(file, node, "sha256");
        JsonNode revisionNode = node.path("revision");
        if (!revisionNode.isIntegralNumber() || !revisionNode.canConvertToLong()) {
            throw corrupt(file, "field 'revision' is missing or not an integer", null);
        }
        long revision = revisionNode.longValue();
        if (revision < 1 || revision > MAX_REVISION) {
            throw corrupt(file, "revision " + revision + " is outside 1 to " + MAX_REVISION, null);
        }
        String body = body(file, node);
        String actualDigest = digest(DirectoryStore.FORMAT, version, recordedCollection, recordedKey, revision,
                writtenAt, body);
        if (!actualDigest.equals(recordedDigest)) {
            throw new StoreException("Document " + file + " fails verification: the SHA-256 of its envelope is "
                    + actualDigest + " but it records " + Quoted.name(recordedDigest)
                    + " (edited or corrupted outside Lifecycle)");
        }
        if (!collection.equals(recordedCollection) || !key.equals(recordedKey)) {
            throw new StoreException("Document " + file + " claims to be " + Quoted.name(recordedCollection) + "/"
                    + Quoted.name(recordedKey) + ", not " + collection + "/" + key);
        }
        try {
            return new StoredDocument(collection, key, revision, Instant.parse(writtenAt), body);
        } catch (RuntimeException e) {
            throw corrupt(file, Quoted.name(e.getMessage()), e);
        }
    }

    /**
     * The digest recorded in the {@code sha256} field: lowercase hex SHA-256 of the UTF-8 bytes of the fields
     * joined by {@code '\n'}, without a trailing newline.
     */
    private static String digest(String format, int formatVersion, String collection, String key, long revision,
                                 String writtenAt, String body) {
        String canonical = String.join("\n", format, Integer.toString(formatVersion), collection, key,
                Long.toString(revision), writtenAt, body);
        return Hashing.sha256().hashString(canonical, StandardCharsets.UTF_8).toString();
    }

    private static String text(Path file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw corrupt(file, "field '" + field + "' is missing or not a string", null);
        }
        return value.textValue();
    }

    private static String body(Path file, JsonNode node) {
        JsonNode body = node.get("body");
        if (body == null) {
            throw corrupt(file, "no body", null);
        }
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw corrupt(file, e.getOriginalMessage(), e);
        }
    }

    private static StoreException corrupt(Path file, String why, @Nullable Throwable cause) {
        String message = "Corrupt document " + file + ": " + why;
        return cause == null ? new StoreException(message) : new StoreException(message, cause);
    }
}
