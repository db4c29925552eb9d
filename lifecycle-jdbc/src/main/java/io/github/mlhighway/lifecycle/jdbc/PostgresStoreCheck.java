package io.github.mlhighway.lifecycle.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.registry.ArtifactRef;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a {@link PostgresStore} without changing it: every document row against its SHA-256, every artifact by
 * reading all its bytes through the hash, every artifact a document references (a top-level {@code "artifacts"}
 * array of objects with {@code "sha256"} and optionally {@code "size"}, as registry versions have) present with
 * the recorded size, and no chunk rows that belong to no artifact. Artifacts no document references are listed as
 * orphans (not problems: a registration writes its artifacts before its version).
 *
 * @since 0.1
 */
public final class PostgresStoreCheck {

    private PostgresStoreCheck() {
    }

    /**
     * What a check found.
     *
     * @param store     the store checked (redacted)
     * @param documents how many documents were verified
     * @param artifacts how many artifacts were hashed
     * @param problems  one sentence per problem; empty when clean
     * @param orphans   digests of artifacts no document references
     */
    public record Result(String store, int documents, int artifacts, List<String> problems, List<String> orphans) {

        /** Copies the lists. */
        public Result {
            problems = List.copyOf(problems);
            orphans = List.copyOf(orphans);
        }

        /**
         * Whether no problem was found.
         *
         * @return true when clean
         */
        public boolean isClean() {
            return problems.isEmpty();
        }

        /**
         * A one-line summary.
         *
         * @return e.g. {@code 12 documents and 3 artifacts verified in jdbc:postgresql://…, 0 problems, 1 orphan}
         */
        public String summary() {
            return documents + " documents and " + artifacts + " artifacts verified in " + store + ", "
                    + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ", " + orphans.size()
                    + (orphans.size() == 1 ? " orphan artifact" : " orphan artifacts");
        }
    }

    /**
     * Checks a store.
     *
     * @param store the store
     * @return what was found
     */
    public static Result run(PostgresStore store) {
        List<String> problems = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        Map<String, Long> sizes = new HashMap<>();
        int documents = 0;
        for (String collection : store.collections()) {
            for (String key : store.keys(collection)) {
                documents++;
                try {
                    Optional<io.github.mlhighway.lifecycle.store.StoredDocument> document = store.read(collection, key);
                    if (document.isPresent()) {
                        collectReferences(collection + "/" + key, Json.mapper().readTree(document.get().json()),
                                store, referenced, sizes, problems);
                    }
                } catch (StoreException e) {
                    problems.add(e.getMessage());
                } catch (IOException e) {
                    problems.add("Document " + collection + "/" + key + " is not valid JSON: " + e.getMessage());
                }
            }
        }
        PostgresArtifactStore artifacts = store.artifacts();
        List<String> digests = artifacts.digests();
        List<String> orphans = new ArrayList<>();
        for (String digest : digests) {
            try (InputStream in = artifacts.open(digest, artifacts.size(digest).orElse(-1L))) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (StoreException e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add("Cannot read artifact " + digest + ": " + e.getMessage());
            }
            if (!referenced.contains(digest)) {
                orphans.add(digest);
            }
        }
        Set<String> present = new HashSet<>(digests);
        for (String digest : referenced) {
            if (!present.contains(digest)) {
                problems.add("Documents reference artifact " + digest + ", which is not in the store");
            } else if (sizes.containsKey(digest)) {
                long recorded = artifacts.size(digest).orElse(-1L);
                if (recorded != sizes.get(digest)) {
                    problems.add("Documents record artifact " + digest + " as " + sizes.get(digest) + " bytes but "
                            + "the store has " + recorded);
                }
            }
        }
        problems.addAll(strayChunks(store));
        return new Result(store.location().redacted(), documents, digests.size(), problems, orphans);
    }

    private static void collectReferences(String document, JsonNode body, PostgresStore store, Set<String> referenced,
            Map<String, Long> sizes, List<String> problems) {
        JsonNode list = body.path("artifacts");
        if (!list.isArray()) {
            return;
        }
        for (JsonNode entry : list) {
            JsonNode sha256 = entry.path("sha256");
            if (!sha256.isTextual()) {
                continue;
            }
            if (!ArtifactRef.isSha256(sha256.textValue())) {
                problems.add("Document " + document + " references an artifact by an invalid digest '"
                        + sha256.textValue() + "'");
                continue;
            }
            referenced.add(sha256.textValue());
            if (entry.path("size").isIntegralNumber()) {
                sizes.put(sha256.textValue(), entry.path("size").longValue());
            }
        }
    }

    private static List<String> strayChunks(PostgresStore store) {
        return store.withRetries("look for stray chunks", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT c.upload_id FROM "
                    + "lifecycle_artifact_chunks c LEFT JOIN lifecycle_artifacts a ON a.upload_id = c.upload_id "
                    + "WHERE a.upload_id IS NULL ORDER BY c.upload_id");
                 ResultSet rows = select.executeQuery()) {
                List<String> stray = new ArrayList<>();
                while (rows.next()) {
                    stray.add("Chunks of upload " + rows.getLong(1) + " belong to no artifact (a half-applied upload)");
                }
                return stray;
            }
        });
    }
}
