package io.github.mlhighway.lifecycle.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.registry.ArtifactRef;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import io.github.mlhighway.lifecycle.text.Quoted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

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
 * Nothing is followed out of the store and only regular files are opened: a collection, document, artifact or
 * {@code .lock} that is a symbolic link, and a document or artifact that is a FIFO, device or directory, is a
 * problem, reported and never read. Registry documents are checked for what they hold: every
 * {@code registry-versions/<model>.v<n>} body parses as version {@code n} of that model, and every alias in
 * {@code registry-aliases} points at a version that exists.
 *
 * <p>Left-overs of crashes are listed apart, as {@link StoreCheckResult#reclaimable() reclaimable}, not as
 * problems: temporary dot-files ({@code .*.tmp}) of interrupted writes and orphan artifacts, which no document's
 * {@code artifacts} array names (a writer killed between storing the files of a version and writing the version).
 * Each is marked stale once it is older than the age threshold (by its modification time against the injected
 * clock), which is when {@link StoreGc} removes it. Lock files and files not named like documents are ignored.
 *
 * @since 0.1
 */
public final class StoreCheck {

    private static final String RUNS = "pipeline-runs";
    private static final String OUTPUTS = "pipeline-outputs";

    private static final String VERSIONS = "registry-versions";
    private static final String ALIASES = "registry-aliases";

    private final Path root;
    private final Instant now;
    private final Duration minimumAge;
    private final List<String> problems = new ArrayList<>();
    private final List<String> reclaimable = new ArrayList<>();
    private final List<Path> staleTemporary = new ArrayList<>();
    private final List<Path> staleOrphans = new ArrayList<>();
    private final Set<String> referenced = new HashSet<>();
    private final Set<String> versionKeys = new HashSet<>();
    private final List<AliasTarget> aliasTargets = new ArrayList<>();
    private boolean unreadableDocuments;
    private final List<Reference> references = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private int documents;
    private int artifacts;

    private StoreCheck(Path root, Instant now, Duration minimumAge) {
        this.root = root;
        this.now = now;
        this.minimumAge = minimumAge;
    }

    /**
     * Checks a store directory, marking left-overs stale by the {@link StoreGc#DEFAULT_MINIMUM_AGE default age
     * threshold} against the UTC system clock.
     *
     * @param root the store's root directory
     * @return the result, with one line per problem
     * @throws IllegalArgumentException if the directory does not exist
     * @throws StoreException           if a directory cannot be listed
     */
    public static StoreCheckResult run(Path root) {
        return run(root, Clock.systemUTC(), StoreGc.DEFAULT_MINIMUM_AGE);
    }

    /**
     * Checks a store directory.
     *
     * @param root       the store's root directory
     * @param clock      the time left-overs' ages are measured at
     * @param minimumAge how old a left-over must be to be stale (what {@link StoreGc} would remove)
     * @return the result, with one line per problem and one per left-over
     * @throws IllegalArgumentException if the directory does not exist or the age is negative
     * @throws StoreException           if a directory cannot be listed
     */
    public static StoreCheckResult run(Path root, Clock clock, Duration minimumAge) {
        return scan(root, clock, minimumAge).result();
    }

    /** Checks a store and keeps what gc needs: the stale left-overs, and whether every document could be read. */
    static StoreCheck scan(Path root, Clock clock, Duration minimumAge) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("Store directory " + absolute + " does not exist");
        }
        if (minimumAge.isNegative()) {
            throw new IllegalArgumentException("The minimum age of a left-over is " + minimumAge + "; use 0 or more");
        }
        StoreCheck check = new StoreCheck(absolute, clock.instant(), minimumAge);
        ArtifactStore store = ArtifactStore.under(absolute);
        Map<String, FileTime> present = check.checkArtifacts(store);   // listed before the documents are read: gc
        check.checkDocuments();                                        // relies on it (see StoreGc)
        check.checkReferences(store, present.keySet());
        check.checkAliases();
        check.checkCheckpoints();
        if (!check.unreadableDocuments) {   // otherwise what the unreadable documents reference is unknown
            check.findOrphans(store, present);
        }
        return check;
    }

    StoreCheckResult result() {
        return new StoreCheckResult(root, documents, artifacts, problems, reclaimable);
    }

    List<Path> staleTemporaryFiles() {
        return staleTemporary;
    }

    List<Path> staleOrphans() {
        return staleOrphans;
    }

    /** Whether some document could not be read, so that its references (and thus the orphans) are unknown. */
    boolean unreadableDocuments() {
        return unreadableDocuments;
    }

    Instant now() {
        return now;
    }

    Duration minimumAge() {
        return minimumAge;
    }

    Path root() {
        return root;
    }

    private void checkDocuments() {
        for (Path directory : list(root)) {
            String collection = directory.getFileName().toString();
            BasicFileAttributes attributes = attributes(directory);
            if (attributes == null || collection.startsWith("_") || collection.startsWith(".")) {
                continue;
            }
            if (attributes.isSymbolicLink() && StoreNames.isValid(collection)) {
                unreadableDocuments = true;
                problems.add("Collection " + directory + " is " + SafeFiles.kind(directory, attributes)
                        + ", not a directory of the store; it was not read (a store's collections are never links)");
                continue;
            }
            if (!attributes.isDirectory() || !StoreNames.isValid(collection)) {
                continue;
            }
            for (Path file : list(directory)) {
                checkEntry(collection, file);
            }
        }
    }

    private void checkEntry(String collection, Path file) {
        String name = file.getFileName().toString();
        BasicFileAttributes attributes = attributes(file);
        if (attributes == null) {
            return;   // deleted meanwhile
        }
        if (name.equals(CollectionLock.LOCK_FILE)) {
            if (!attributes.isRegularFile()) {
                problems.add("Lock file " + file + " is " + SafeFiles.kind(file, attributes) + ", not the regular "
                        + "file the store creates; writers refuse to follow it (remove it)");
            }
            return;
        }
        if (isTemporary(name)) {
            leftOver(file, attributes, "temporary file of an interrupted write", staleTemporary);
            return;
        }
        if (!name.endsWith(".json")) {
            return;
        }
        String key = name.substring(0, name.length() - ".json".length());
        if (!StoreNames.isValid(key)) {
            return;
        }
        if (VERSIONS.equals(collection)) {
            versionKeys.add(key);   // present, readable or not: a dangling alias is one whose version is absent
        }
        if (!attributes.isRegularFile()) {
            documents++;
            unreadableDocuments = true;
            problems.add("Document " + file + " is " + SafeFiles.kind(file, attributes) + ", not a regular file; it"
                    + " was not read (replaced or linked outside Lifecycle)");
            return;
        }
        checkDocument(file, collection, key);
    }

    private void checkDocument(Path file, String collection, String key) {
        documents++;
        try {
            String text = SafeFiles.readString(root, file);
            StoredDocument document = DocumentEnvelope.decode(file, collection, key, text);
            JsonNode body = Json.mapper().readTree(document.json());
            collectReferences(file, body);
            if (RUNS.equals(collection)) {
                collectCheckpoints(file, key, body);
            } else if (VERSIONS.equals(collection)) {
                checkVersion(file, key, document);
            } else if (ALIASES.equals(collection)) {
                collectAliases(file, key, body);
            }
        } catch (SafeFiles.NotRegularException e) {
            unreadableDocuments = true;
            problems.add("Document " + file + " is " + e.kind() + ", not a regular file; it was not read");
        } catch (StoreException e) {
            unreadableDocuments = true;
            problems.add(e.getMessage());
        } catch (IOException e) {
            unreadableDocuments = true;
            problems.add("Cannot read document " + file + ": " + e.getMessage());
        }
    }

    private void checkVersion(Path file, String key, StoredDocument document) {
        ModelVersion version;
        try {
            version = Json.read(document.json(), ModelVersion.class);
        } catch (RuntimeException e) {
            problems.add("Document " + file + " does not hold a model version: " + Quoted.name(e.getMessage()));
            return;
        }
        String expected = version == null ? null : version.model() + ".v" + version.version();
        if (!key.equals(expected)) {
            problems.add("Document " + file + " holds " + (version == null ? "null" : "version " + version.version()
                    + " of model " + Quoted.name(version.model())) + ", not the version its key names");
        }
    }

    private void collectAliases(Path file, String model, JsonNode body) {
        JsonNode aliases = body.path("aliases");
        if (!aliases.isObject()) {
            problems.add("Document " + file + " does not hold an alias book: no 'aliases' object");
            return;
        }
        aliases.fields().forEachRemaining(entry -> {
            if (!entry.getValue().canConvertToInt() || !entry.getValue().isIntegralNumber()) {
                problems.add("Alias " + model + ":" + Quoted.name(entry.getKey()) + " in " + file
                        + " points at " + Quoted.name(entry.getValue().toString()) + ", not a version number");
            } else {
                aliasTargets.add(new AliasTarget(file, model, entry.getKey(), entry.getValue().intValue()));
            }
        });
    }

    private void checkAliases() {
        for (AliasTarget target : aliasTargets) {
            String key = target.model() + ".v" + target.version();
            if (!versionKeys.contains(key)) {
                problems.add("Alias " + target.model() + ":" + Quoted.name(target.alias()) + " in " + target.book()
                        + " points at version " + target.version() + ", which does not exist ("
                        + root.resolve(VERSIONS).resolve(key + ".json") + " is missing)");
            }
        }
    }

    private void leftOver(Path file, BasicFileAttributes attributes, String what, List<Path> stale) {
        Duration age = Duration.between(attributes.lastModifiedTime().toInstant(), now);
        if (age.compareTo(minimumAge) >= 0) {
            stale.add(file);
            reclaimable.add(file + ": " + what + ", " + describe(age) + " old (stale: `lifecycle store gc` removes it)");
        } else {
            reclaimable.add(file + ": " + what + ", " + describe(age) + " old (recent: possibly a write in progress;"
                    + " gc keeps it until it is " + describe(minimumAge) + " old)");
        }
    }

    private void findOrphans(ArtifactStore store, Map<String, FileTime> present) {
        for (Map.Entry<String, FileTime> artifact : present.entrySet()) {
            if (!referenced.contains(artifact.getKey())) {
                Path file = store.file(artifact.getKey());
                BasicFileAttributes attributes = attributes(file);
                if (attributes != null) {
                    leftOver(file, attributes, "orphan artifact, named by no document", staleOrphans);
                }
            }
        }
    }

    private static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    private static String describe(Duration duration) {
        if (duration.isNegative()) {
            return "0s";
        }
        return Duration.ofSeconds(duration.getSeconds()).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static @Nullable BasicFileAttributes attributes(Path path) {
        try {
            return SafeFiles.attributes(path).orElse(null);
        } catch (IOException e) {
            throw new StoreException("Cannot examine " + path + ": " + e.getMessage(), e);
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
            referenced.add(sha256.textValue());
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
            String stage = "Run " + checkpoint.document() + " stage " + Quoted.name(checkpoint.stage());
            if (checkpoint.digest() == null || !ArtifactRef.isSha256(checkpoint.digest())) {
                problems.add(stage + " SUCCEEDED without a valid outputDigest (" + checkpoint.digest() + ")");
                continue;
            }
            Path directory = root.resolve(OUTPUTS);
            String key = "sha256-" + checkpoint.digest();
            Path file = directory.resolve(key + ".json");
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                key = checkpoint.runId() + "-s" + checkpoint.index();
                file = directory.resolve(key + ".json");
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(stage + " SUCCEEDED but its checkpoint " + directory.resolve("sha256-"
                        + checkpoint.digest() + ".json") + " is missing");
                continue;
            }
            try {
                StoredDocument document = DocumentEnvelope.decode(file, OUTPUTS, key,
                        SafeFiles.readString(root, file));
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

    private Map<String, FileTime> checkArtifacts(ArtifactStore store) {
        Map<String, FileTime> present = new TreeMap<>();
        Path base = store.directory();
        for (Path directory : List.of(base.getParent(), base)) {
            BasicFileAttributes attributes = attributes(directory);
            if (attributes == null) {
                return present;
            }
            if (!attributes.isDirectory() || attributes.isSymbolicLink()) {
                unreadableDocuments = true;   // not documents, but nothing under it may be judged an orphan
                problems.add("Artifact area " + directory + " is " + SafeFiles.kind(directory, attributes)
                        + ", not a directory of the store; no artifact under it was read");
                return present;
            }
        }
        for (Path shard : list(base)) {
            String shardName = shard.getFileName().toString();
            BasicFileAttributes shardAttributes = attributes(shard);
            if (shardAttributes == null) {
                continue;
            }
            if (isTemporary(shardName)) {
                leftOver(shard, shardAttributes, "temporary file of an interrupted artifact write", staleTemporary);
                continue;
            }
            if (shardName.startsWith(".")) {
                continue;
            }
            if (!shardAttributes.isDirectory() || shardAttributes.isSymbolicLink()) {
                problems.add("Unexpected entry among the artifacts: " + shard + " is "
                        + SafeFiles.kind(shard, shardAttributes) + "; it was not read");
                continue;
            }
            for (Path file : list(shard)) {
                String name = file.getFileName().toString();
                BasicFileAttributes attributes = attributes(file);
                if (attributes == null) {
                    continue;
                }
                if (isTemporary(name)) {
                    leftOver(file, attributes, "temporary file of an interrupted artifact write", staleTemporary);
                    continue;
                }
                if (name.startsWith(".")) {
                    continue;
                }
                if (!ArtifactRef.isSha256(name) || !name.startsWith(shardName)) {
                    problems.add("Unexpected file among the artifacts: " + file
                            + " (not named by the SHA-256 of its bytes)");
                    continue;
                }
                artifacts++;
                present.put(name, attributes.lastModifiedTime());
                try {
                    store.verified(name);
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
                problems.add("Document " + reference.document() + " references artifact " + Quoted.name(reference.name())
                        + " by an invalid digest " + Quoted.name(reference.sha256()));
            } else if (!present.contains(reference.sha256())) {
                problems.add("Document " + reference.document() + " references artifact " + Quoted.name(reference.name())
                        + " with SHA-256 " + reference.sha256() + ", which is not in the store ("
                        + store.file(reference.sha256()) + " is missing)");
            } else if (reference.size() >= 0) {
                try {
                    long size = Files.readAttributes(store.file(reference.sha256()), BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS).size();
                    if (size != reference.size()) {
                        problems.add("Document " + reference.document() + " records artifact "
                                + Quoted.name(reference.name()) + " as " + reference.size() + " bytes but " + store.file(reference.sha256())
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
    private record Checkpoint(Path document, String runId, int index, String stage, @Nullable String digest) {
    }

    /** An alias and the version it points at. */
    private record AliasTarget(Path book, String model, String alias, int version) {
    }

    /** An artifact named by a document. */
    private record Reference(Path document, String name, String sha256, long size) {
    }
}
