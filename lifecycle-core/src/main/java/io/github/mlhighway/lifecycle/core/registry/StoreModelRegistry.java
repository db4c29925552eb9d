package io.github.mlhighway.lifecycle.core.registry;

import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.store.ArtifactRepository;
import io.github.mlhighway.lifecycle.core.store.StoredArtifact;
import io.github.mlhighway.lifecycle.gate.Verdict;
import io.github.mlhighway.lifecycle.registry.AliasConflictException;
import io.github.mlhighway.lifecycle.registry.AliasMove;
import io.github.mlhighway.lifecycle.registry.AliasMoveRefusedException;
import io.github.mlhighway.lifecycle.registry.AliasMoveRequest;
import io.github.mlhighway.lifecycle.registry.ArtifactRef;
import io.github.mlhighway.lifecycle.registry.LoadedModel;
import io.github.mlhighway.lifecycle.registry.MetricPoint;
import io.github.mlhighway.lifecycle.registry.ModelNotFoundException;
import io.github.mlhighway.lifecycle.registry.ModelRef;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.registry.NewModelVersion;
import io.github.mlhighway.lifecycle.registry.RegistrationConflictException;
import io.github.mlhighway.lifecycle.store.RevisionConflictException;
import io.github.mlhighway.lifecycle.store.Store;
import io.github.mlhighway.lifecycle.store.StoreException;
import io.github.mlhighway.lifecycle.store.StoredDocument;
import io.github.mlhighway.lifecycle.text.Quoted;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@link ModelRegistry} on a {@link Store} and an {@link ArtifactRepository}.
 *
 * <p>Documents: collection {@value #VERSIONS} holds one immutable document per version under the key
 * {@code <model>.v<version>}, created with {@link Store#MUST_NOT_EXIST} so that two registrations racing for a
 * number cannot both take it (the loser takes the next). Collection {@value #ALIASES} holds one
 * {@link AliasBook} per model with its aliases and the audit log, so a move and its log entry are one
 * compare-and-set write. Every artifact is written before the version that names it, so a crash never leaves a
 * version pointing at a missing file.
 *
 * <p>Idempotent registration: collection {@value #KEYS} holds one {@link KeyClaim} per model and idempotency key,
 * naming the version number the key is to be registered as. It is created with {@link Store#MUST_NOT_EXIST}
 * before the version document, so concurrent registrations of one key agree on one number; whoever writes that
 * version document first wins and the others return it. A claim whose number another registration took meanwhile
 * (or a crash left unrealized while the number was taken) is moved on by compare-and-set. A key is therefore
 * carried by at most one version of a model.
 */
final class StoreModelRegistry implements ModelRegistry {

    /** The collection of version documents. */
    static final String VERSIONS = "registry-versions";
    /** The collection of alias books. */
    static final String ALIASES = "registry-aliases";
    /** The collection of idempotency-key claims. */
    static final String KEYS = "registry-keys";

    private static final String VERSION_SEPARATOR = ".v";
    private static final int MAX_ATTEMPTS = 1000;

    private final Store store;
    private final ArtifactRepository artifacts;
    private final Clock clock;

    StoreModelRegistry(Store store, ArtifactRepository artifacts, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ModelVersion register(NewModelVersion draft) {
        String model = RegistryNames.requireValid(draft.model(), "model");
        draft.files().keySet().forEach(name -> RegistryNames.requireValidArtifact(name, model));
        RegistryNames.requireNoFileIsADirectory(draft.files().keySet(), model);
        draft.metrics().forEach((name, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Metric " + Quoted.name(name) + " of model " + model + " is " + value
                        + "; metrics must be finite numbers");
            }
        });
        List<ArtifactRef> stored = new ArrayList<>();
        draft.files().forEach((name, file) -> {
            StoredArtifact artifact = artifacts.put(file);
            stored.add(new ArtifactRef(name, artifact.sha256(), artifact.size()));
        });
        if (draft.idempotencyKey() != null) {
            return registerOnce(model, draft, stored);
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int next = latestVersion(model) + 1;
            ModelVersion version = newVersion(model, next, draft, stored);
            try {
                store.write(VERSIONS, key(model, next), Json.write(version), Store.MUST_NOT_EXIST);
                return version;
            } catch (RevisionConflictException e) {
                // Another registration took this number; take the next one.
            }
        }
        throw tooManyRegistrations(model);
    }

    /**
     * Registers a keyed draft at most once: claims a number for the key, then writes that version; returns the
     * version that carries the key if there is one.
     */
    private ModelVersion registerOnce(String model, NewModelVersion draft, List<ArtifactRef> stored) {
        String key = draft.idempotencyKey();
        String claimKey = KeyClaim.documentKey(model, Objects.requireNonNull(key));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredDocument> document = store.read(KEYS, claimKey);
            KeyClaim claim;
            long revision;
            if (document.isEmpty()) {
                claim = new KeyClaim(model, key, latestVersion(model) + 1);
                try {
                    revision = store.write(KEYS, claimKey, Json.write(claim), Store.MUST_NOT_EXIST).revision();
                } catch (RevisionConflictException e) {
                    continue;   // another registration of this key claimed first: follow its claim
                }
            } else {
                claim = Json.read(document.get().json(), KeyClaim.class);
                revision = document.get().revision();
                claim.requireFor(model, key, claimKey);
            }
            Optional<ModelVersion> existing = store.read(VERSIONS, key(model, claim.version()))
                    .map(d -> parseVersion(d, model, claim.version()));
            if (existing.isPresent()) {
                if (Objects.requireNonNull(key).equals(existing.get().idempotencyKey())) {
                    return sameArtifacts(existing.get(), stored);
                }
                // The claimed number was taken by another registration (e.g. while a crashed one left the claim
                // unrealized): move the claim on, unless someone else moved it first.
                KeyClaim moved = new KeyClaim(model, key, Math.max(latestVersion(model), claim.version()) + 1);
                try {
                    store.write(KEYS, claimKey, Json.write(moved), revision);
                } catch (RevisionConflictException e) {
                    // Moved meanwhile; read it again.
                }
                continue;
            }
            ModelVersion version = newVersion(model, claim.version(), draft, stored);
            try {
                store.write(VERSIONS, key(model, claim.version()), Json.write(version), Store.MUST_NOT_EXIST);
                return version;
            } catch (RevisionConflictException e) {
                // Taken meanwhile, by this key (then it is returned above) or by another registration.
            }
        }
        throw tooManyRegistrations(model);
    }

    private static ModelVersion sameArtifacts(ModelVersion existing, List<ArtifactRef> stored) {
        Map<String, String> had = digestsByName(existing.artifacts());
        Map<String, String> now = digestsByName(stored);
        if (!had.equals(now)) {
            throw new RegistrationConflictException("Model " + existing.model() + ": idempotency key '"
                    + existing.idempotencyKey() + "' was registered as " + existing.ref() + " with artifacts " + had
                    + " (SHA-256), but is registered again with other artifacts " + now + "; the same run and "
                    + "stage must register the same files (make the stage deterministic), or use another key",
                    existing.ref());
        }
        return existing;
    }

    private static Map<String, String> digestsByName(List<ArtifactRef> refs) {
        Map<String, String> digests = new TreeMap<>();
        refs.forEach(ref -> digests.put(ref.name(), ref.sha256()));
        return digests;
    }

    private ModelVersion newVersion(String model, int number, NewModelVersion draft, List<ArtifactRef> stored) {
        return new ModelVersion(model, number, clock.instant(), draft.parameters(), draft.metrics(), draft.tags(),
                stored, draft.lineage(), draft.idempotencyKey());
    }

    private static StoreException tooManyRegistrations(String model) {
        return new StoreException("Could not number a new version of model " + model + " after " + MAX_ATTEMPTS
                + " attempts: too many concurrent registrations");
    }

    @Override
    public ModelVersion version(ModelRef ref) {
        String model = RegistryNames.requireValid(ref.model(), "model");
        int number = ref.isAlias() ? resolveAlias(model, RegistryNames.requireValid(ref.alias(), "alias"))
                : ref.version();
        return readVersion(model, number).orElseThrow(() -> new ModelNotFoundException(
                "Model " + model + " has no version " + number + "; its versions are " + versionNumbers(model)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every artifact is hashed here; the returned paths are the shared content-addressed files, so the result's
     * {@link LoadedModel#open} and {@link LoadedModel#copyTo} re-verify the bytes they actually hand out.
     */
    @Override
    public LoadedModel load(ModelRef ref) {
        ModelVersion version = version(ref);
        Map<String, Path> files = new LinkedHashMap<>();
        for (ArtifactRef artifact : version.artifacts()) {
            files.put(artifact.name(), artifacts.verified(artifact.sha256(), artifact.size()));
        }
        return new LoadedModel(version, files);
    }

    @Override
    public AliasMove moveAlias(AliasMoveRequest request) {
        String model = RegistryNames.requireValid(request.model(), "model");
        String alias = RegistryNames.requireValid(request.alias(), "alias");
        ModelVersion target = version(ModelRef.ofVersion(model, request.toVersion()));
        requireEvidence(request, target);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredDocument> document = store.read(ALIASES, model);
            AliasBook book = document.map(StoreModelRegistry::parseBook).orElse(AliasBook.empty(model));
            int current = book.versionOf(alias);
            if (request.expectedFrom() != null && request.expectedFrom() != current) {
                throw new AliasConflictException(model, alias, request.expectedFrom(), current);
            }
            AliasMove move = new AliasMove(book.moves().size() + 1L, model, alias, current, request.toVersion(),
                    request.verdict(), request.override(), clock.instant(), request.verdictSubject());
            long revision = document.map(StoredDocument::revision).orElse(Store.MUST_NOT_EXIST);
            try {
                store.write(ALIASES, model, Json.write(book.with(move)), revision);
                return move;
            } catch (RevisionConflictException e) {
                int now = aliasBook(model).versionOf(alias);
                if (now != current) {
                    throw new AliasConflictException(model, alias, current, now);
                }
                // Another alias of the same model moved meanwhile; this one did not, so try again.
            }
        }
        throw new StoreException("Could not move alias " + model + ":" + alias + " after " + MAX_ATTEMPTS
                + " attempts: too many concurrent moves of other aliases");
    }

    @Override
    public List<String> models() {
        TreeSet<String> models = new TreeSet<>();
        for (String key : store.keys(VERSIONS)) {
            int cut = key.lastIndexOf(VERSION_SEPARATOR);
            if (cut > 0) {
                models.add(key.substring(0, cut));
            }
        }
        return List.copyOf(models);
    }

    @Override
    public List<ModelVersion> versions(String model) {
        RegistryNames.requireValid(model, "model");
        String prefix = model + VERSION_SEPARATOR;
        TreeMap<Integer, ModelVersion> versions = new TreeMap<>();
        for (StoredDocument document : store.readAll(VERSIONS, prefix)) {
            String key = document.key();
            if (key.lastIndexOf(VERSION_SEPARATOR) != model.length()) {
                continue;
            }
            try {
                versions.put(Integer.parseInt(key.substring(prefix.length())),
                        Json.read(document.json(), ModelVersion.class));
            } catch (NumberFormatException e) {
                // Not a version key of this model.
            }
        }
        return List.copyOf(versions.values());
    }

    @Override
    public Map<String, Integer> aliases(String model) {
        return aliasBook(RegistryNames.requireValid(model, "model")).aliases();
    }

    @Override
    public List<AliasMove> aliasMoves(String model) {
        return aliasBook(RegistryNames.requireValid(model, "model")).moves();
    }

    @Override
    public List<MetricPoint> metricHistory(String model, String metric) {
        Objects.requireNonNull(metric, "metric");
        List<MetricPoint> history = new ArrayList<>();
        for (ModelVersion version : versions(model)) {
            Double value = version.metrics().get(metric);
            if (value != null) {
                history.add(new MetricPoint(version.version(), version.createdAt(), value));
            }
        }
        return history;
    }

    @Override
    public String toString() {
        return "ModelRegistry[" + store + ", " + artifacts + "]";
    }

    private static void requireEvidence(AliasMoveRequest request, ModelVersion version) {
        String target = request.model() + ":" + request.alias() + " -> version " + request.toVersion();
        if (request.override() != null) {
            return;
        }
        if (request.verdict() == null) {
            throw new AliasMoveRefusedException("Alias move " + target + " has no evidence: attach a passing gate"
                    + " verdict (PASS or WARN) or an explicit override saying who and why");
        }
        if (!request.verdict().allowsProceeding()) {
            throw new AliasMoveRefusedException("Alias move " + target + " refused: verdict "
                    + request.verdict().outcome() + " of gate '" + request.verdict().gate()
                    + "' does not allow it; attach an override saying who and why to move anyway");
        }
        if (request.verdict().decidedAt().isBefore(version.createdAt())
                && !isAboutArtifactsOf(request.verdict(), version)) {
            String subject = request.verdict().hasSubject()
                    ? " and it is about artifacts " + sortedDigests(request.verdict().subject().values())
                            + ", not about this version's " + sortedDigests(digestsByName(version.artifacts()).values())
                    : " and it names no subject digests";
            throw new AliasMoveRefusedException("Alias move " + target + " refused: verdict " + request.verdict()
                    .outcome() + " of gate '" + request.verdict().gate() + "' was decided at "
                    + request.verdict().decidedAt() + ", before " + version.ref() + " was registered at "
                    + version.createdAt() + subject + ", so it cannot be evidence about that version; gate the "
                    + "exact artifacts (a verdict whose subject names their SHA-256) or the registered version "
                    + "again, or attach an override saying who and why");
        }
        String subject = request.verdictSubject();
        if (subject != null && !subject.equals(version.ref().toString())) {
            throw new AliasMoveRefusedException("Alias move " + target + " refused: the verdict of gate '"
                    + request.verdict().gate() + "' is declared to be about '" + subject + "', not about "
                    + version.ref() + "; attach the verdict of the version being promoted");
        }
    }

    /**
     * Whether a verdict names exactly the content of a version: the SHA-256 of its subject equal those of the
     * version's artifacts (as sorted lists; names are labels and may differ, e.g. a checkpoint and its file).
     */
    private static boolean isAboutArtifactsOf(Verdict verdict,
            ModelVersion version) {
        return verdict.hasSubject() && !version.artifacts().isEmpty()
                && sortedDigests(verdict.subject().values()).equals(sortedDigests(
                        version.artifacts().stream().map(ArtifactRef::sha256).toList()));
    }

    private static List<String> sortedDigests(Collection<String> digests) {
        return digests.stream().sorted().toList();
    }

    private int resolveAlias(String model, String alias) {
        AliasBook book = aliasBook(model);
        Integer version = book.aliases().get(alias);
        if (version == null) {
            if (versionNumbers(model).isEmpty()) {
                throw unknownModel(model);
            }
            throw new ModelNotFoundException("Model " + model + " has no alias '" + alias + "'; its aliases are "
                    + (book.aliases().isEmpty() ? "none" : book.aliases().toString()));
        }
        return version;
    }

    private Optional<ModelVersion> readVersion(String model, int number) {
        Optional<ModelVersion> version = store.read(VERSIONS, key(model, number))
                .map(d -> parseVersion(d, model, number));
        if (version.isEmpty() && versionNumbers(model).isEmpty()) {
            throw unknownModel(model);
        }
        return version;
    }

    /** A version document's body as a version of that model and number, or a StoreException naming the document. */
    private static ModelVersion parseVersion(StoredDocument document, String model, int number) {
        ModelVersion version;
        try {
            version = Json.read(document.json(), ModelVersion.class);
        } catch (RuntimeException e) {
            throw new StoreException("Document " + VERSIONS + "/" + document.key() + " does not hold a model version ("
                    + e.getMessage() + "); it was written or edited outside Lifecycle", e);
        }
        if (version == null || !model.equals(version.model()) || version.version() != number) {
            throw new StoreException("Document " + VERSIONS + "/" + document.key() + " holds "
                    + (version == null ? "null" : Quoted.name(version.model()) + " version " + version.version())
                    + ", not " + model + " version " + number + "; it was written or edited outside Lifecycle");
        }
        return version;
    }

    private ModelNotFoundException unknownModel(String model) {
        return new ModelNotFoundException("No model '" + model + "' in the registry; its models are " + models());
    }

    private AliasBook aliasBook(String model) {
        return store.read(ALIASES, model).map(StoreModelRegistry::parseBook).orElse(AliasBook.empty(model));
    }

    private static AliasBook parseBook(StoredDocument document) {
        try {
            return Json.read(document.json(), AliasBook.class);
        } catch (RuntimeException e) {
            throw new StoreException("Document " + ALIASES + "/" + document.key() + " does not hold an alias book ("
                    + e.getMessage() + "); it was written or edited outside Lifecycle", e);
        }
    }

    private int latestVersion(String model) {
        List<Integer> numbers = versionNumbers(model);
        return numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1);
    }

    @Override
    public List<Integer> versionNumbers(String model) {
        RegistryNames.requireValid(model, "model");
        TreeSet<Integer> numbers = new TreeSet<>();
        String prefix = model + VERSION_SEPARATOR;
        for (String key : store.keys(VERSIONS)) {
            if (key.startsWith(prefix) && key.lastIndexOf(VERSION_SEPARATOR) == model.length()) {
                try {
                    numbers.add(Integer.parseInt(key.substring(prefix.length())));
                } catch (NumberFormatException e) {
                    // Not a version key of this model.
                }
            }
        }
        return List.copyOf(numbers);
    }

    private static String key(String model, int version) {
        return model + VERSION_SEPARATOR + version;
    }
}
