package io.github.mlhighway.lifecycle.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.registry.ArtifactIntegrityException;
import io.github.mlhighway.lifecycle.registry.ArtifactRef;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Verifies a {@link DirectoryStore} directory and its {@link ArtifactStore} without changing anything:
 * <ul>
 *   <li>every document file ({@code <collection>/<key>.json}) parses and passes its envelope verification;</li>
 *   <li>every artifact file hashes to its name, and nothing else sits among the artifacts;</li>
 *   <li>every artifact a document references exists with the recorded size. A document references artifacts by
 *   a top-level {@code "artifacts"} array of objects with a {@code "sha256"} field (and optionally {@code "name"}
 *   and {@code "size"}), as registry versions do; stores of other concerns may use the same convention.</li>
 * <li>every stage a pipeline run record ({@code pipeline-runs}) marks SUCCEEDED has an {@code outputDigest} and
 *   a checkpoint in {@code pipeline-outputs} (under {@code sha256-<outputDigest>}, or the older
 *   {@code <runId>-s<index>}) whose bytes hash to that digest.</li>
 * </ul>
 * Temporary dot-files left by an interrupted write are not problems: they are never read as documents or
 * artifacts. Neither are lock files or files that are not named like documents.
 */
public final class StoreCheck {

    private static final String RUNS = "pipeline-runs";
    private static final String OUTPUTS = "pipeline-outputs";

    private final Path root;
    private final List<String> problems = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private int documents;
    private int artifacts;

    private StoreCheck(Path root) {
        this.root = root;
    }

    /**
     * Checks a store directory.
     *
     * @param root the store's root directory
     * @return the result, with one line per problem
     * @throws IllegalArgumentException if the directory does not exist
     * @throws StoreException           if a directory cannot be listed
     */
    public static StoreCheckResult run(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("Store directory " + absolute + " does not exist");
        }
        StoreCheck check = new StoreCheck(absolute);
        check.checkDocuments();
        Set<String> present = check.checkArtifacts(ArtifactStore.under(absolute));
        check.checkReferences(ArtifactStore.under(absolute), present);
        check.checkCheckpoints();
        return new StoreCheckResult(absolute, check.documents, check.artifacts, check.problems);
    }

    private void checkDocuments() {
        for (Path directory : list(root)) {
            String collection = directory.getFileName().toString();
            if (!Files.isDirectory(directory) || !StoreNames.isValid(collection)) {
                continue;
            }
            for (Path file : list(directory)) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".json") || !Files.isRegularFile(file)) {
                    continue;
                }
                String key = name.substring(0, name.length() - ".json".length());
                if (StoreNames.isValid(key)) {
                    checkDocument(file, collection, key);
                }
            }
        }
    }

    private void checkDocument(Path file, String collection, String key) {
        documents++;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            StoredDocument document = DocumentEnvelope.decode(file, collection, key, text);
            JsonNode body = Json.mapper().readTree(document.json());
            collectReferences(file, body);
            if (RUNS.equals(collection)) {
                collectCheckpoints(file, key, body);
            }
        } catch (StoreException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            problems.add("Cannot read document " + file + ": " + e.getMessage());
        }
    }

    private void collectReferences(Path file, JsonNode body) {
        JsonNode list = body.path("artifacts");
        if (!list.isArray()) {
            return;
        }
        for (JsonNode entry : list) {
            JsonNode sha256 = entry.path("sha256");
            if (!sha256.isTextual()) {
                continue;
            }
            String name = entry.path("name").asText("");
            long size = entry.path("size").isIntegralNumber() ? entry.path("size").longValue() : -1;
            references.add(new Reference(file, name, sha256.textValue(), size));
        }
    }

    private void collectCheckpoints(Path file, String runId, JsonNode run) {
        JsonNode stages = run.path("stages");
        for (int index = 0; index < stages.size(); index++) {
            JsonNode stage = stages.get(index);
            if ("SUCCEEDED".equals(stage.path("status").asText())) {
                JsonNode digest = stage.path("outputDigest");
                checkpoints.add(new Checkpoint(file, runId, index, stage.path("name").asText("#" + index),
                        digest.isTextual() ? digest.textValue() : null));
            }
        }
    }

    private void checkCheckpoints() {
        for (Checkpoint checkpoint : checkpoints) {
            String stage = "Run " + checkpoint.document() + " stage '" + checkpoint.stage() + "'";
            if (checkpoint.digest() == null || !ArtifactRef.isSha256(checkpoint.digest())) {
                problems.add(stage + " SUCCEEDED without a valid outputDigest (" + checkpoint.digest() + ")");
                continue;
            }
            Path directory = root.resolve(OUTPUTS);
            String key = "sha256-" + checkpoint.digest();
            Path file = directory.resolve(key + ".json");
            if (!Files.isRegularFile(file)) {
                key = checkpoint.runId() + "-s" + checkpoint.index();
                file = directory.resolve(key + ".json");
            }
            if (!Files.isRegularFile(file)) {
                problems.add(stage + " SUCCEEDED but its checkpoint " + directory.resolve("sha256-"
                        + checkpoint.digest() + ".json") + " is missing");
                continue;
            }
            try {
                StoredDocument document = DocumentEnvelope.decode(file, OUTPUTS, key,
                        Files.readString(file, StandardCharsets.UTF_8));
                JsonNode node = Json.mapper().readTree(document.json());
                byte[] bytes = node.hasNonNull("text") ? node.get("text").asText().getBytes(StandardCharsets.UTF_8)
                        : Base64.getDecoder().decode(node.path("base64").asText(""));
                String actual = Hashing.sha256().hashBytes(bytes).toString();
                if (!actual.equals(checkpoint.digest())) {
                    problems.add(stage + " records output SHA-256 " + checkpoint.digest() + " but its checkpoint "
                            + file + " holds SHA-256 " + actual);
                }
            } catch (StoreException e) {
                problems.add(e.getMessage());
            } catch (IOException | IllegalArgumentException e) {
                problems.add("Cannot read checkpoint " + file + " of " + stage + ": " + e.getMessage());
            }
        }
    }

    private Set<String> checkArtifacts(ArtifactStore store) {
        Set<String> present = new HashSet<>();
        Path base = store.directory();
        if (!Files.isDirectory(base)) {
            return present;
        }
        for (Path shard : list(base)) {
            String shardName = shard.getFileName().toString();
            if (shardName.startsWith(".")) {
                continue;
            }
            if (!Files.isDirectory(shard)) {
                problems.add("Unexpected file among the artifacts: " + shard);
                continue;
            }
            for (Path file : list(shard)) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (!ArtifactRef.isSha256(name) || !name.startsWith(shardName)) {
                    problems.add("Unexpected file among the artifacts: " + file
                            + " (not named by the SHA-256 of its bytes)");
                    continue;
                }
                artifacts++;
                present.add(name);
                try {
                    store.verified(name);
                } catch (ArtifactIntegrityException e) {
                    problems.add(e.getMessage());
                } catch (StoreException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return present;
    }

    private void checkReferences(ArtifactStore store, Set<String> present) {
        for (Reference reference : references) {
            if (!ArtifactRef.isSha256(reference.sha256())) {
                problems.add("Document " + reference.document() + " references artifact '" + reference.name()
                        + "' by an invalid digest '" + reference.sha256() + "'");
            } else if (!present.contains(reference.sha256())) {
                problems.add("Document " + reference.document() + " references artifact '" + reference.name()
                        + "' with SHA-256 " + reference.sha256() + ", which is not in the store ("
                        + store.file(reference.sha256()) + " is missing)");
            } else if (reference.size() >= 0) {
                try {
                    long size = Files.size(store.file(reference.sha256()));
                    if (size != reference.size()) {
                        problems.add("Document " + reference.document() + " records artifact '" + reference.name()
                                + "' as " + reference.size() + " bytes but " + store.file(reference.sha256())
                                + " has " + size);
                    }
                } catch (IOException e) {
                    problems.add("Cannot read artifact " + store.file(reference.sha256()) + ": " + e.getMessage());
                }
            }
        }
    }

    private List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new StoreException("Cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A checkpoint a run record says exists. */
    private record Checkpoint(Path document, String runId, int index, String stage, String digest) {
    }

    /** An artifact named by a document. */
    private record Reference(Path document, String name, String sha256, long size) {
    }
}
