package io.github.mlhighway.lifecycle.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Versions of named models with metadata, verified artifacts and lineage, and aliases moved only with evidence.
 *
 * <p>Model and alias names follow the store's name rule (letters, digits, {@code . _ -}, starting with a letter
 * or digit, no {@code ..}) and are at most {@value #MAX_NAME_LENGTH} characters; artifact names are such names
 * joined by {@code /}. Anything else is refused with an {@link IllegalArgumentException}, so no name can reach
 * outside the store. Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface ModelRegistry {

    /** The longest model or alias name. */
    int MAX_NAME_LENGTH = 100;

    /**
     * Stores the files and registers them as the next version of the model (1 for a new model). A draft with an
     * {@link NewModelVersion#idempotencyKey() idempotency key} that a version of the model already carries is
     * not registered again: that version is returned when its artifacts have the same names and SHA-256, even
     * when other registrations of the key run at the same time.
     *
     * @param draft what to register
     * @return the version as registered (or as registered before under the same key)
     * @throws IllegalArgumentException      if a name is invalid
     * @throws RegistrationConflictException if a version carries the key but holds other artifacts
     */
    ModelVersion register(NewModelVersion draft);

    /**
     * The metadata of a version, without verifying its artifacts.
     *
     * @param ref {@code model@version} or {@code model:alias}
     * @return the version
     * @throws ModelNotFoundException naming the versions or aliases that exist
     */
    ModelVersion version(ModelRef ref);

    /**
     * A version with every artifact verified against its SHA-256. The check happens now; to use bytes that are
     * guaranteed to be the verified ones, read them through {@link LoadedModel#open} or make a private copy with
     * {@link LoadedModel#copyTo} rather than reading the returned paths later.
     *
     * @param ref {@code model@version} or {@code model:alias}
     * @return the version and its verified files
     * @throws ModelNotFoundException      naming the versions or aliases that exist
     * @throws ArtifactIntegrityException naming the file and both digests if any artifact does not match
     */
    LoadedModel load(ModelRef ref);

    /**
     * Points an alias at a version, if the evidence allows it and the alias is where the request expects.
     *
     * @param request the move and its evidence
     * @return the audit entry written
     * @throws AliasMoveRefusedException if there is no override and no verdict allowing it, or the verdict was
     *                                   decided before the target version was registered and does not name
     *                                   exactly its artifacts' digests ({@code Verdict.subject()}), or its
     *                                   declared subject is another model or version (see
     *                                   {@link AliasMoveRequest})
     * @throws AliasConflictException    if the alias is not at the expected version, or another move of it won
     * @throws ModelNotFoundException    if the target version does not exist
     */
    AliasMove moveAlias(AliasMoveRequest request);

    /**
     * The models, sorted by name.
     *
     * @return model names
     */
    List<String> models();

    /**
     * Every version of a model, oldest first.
     *
     * @param model the model
     * @return the versions, empty for an unknown model
     */
    List<ModelVersion> versions(String model);

    /**
     * The numbers of a model's versions, ascending, without reading the versions: a listing that must go on past
     * a version that cannot be read (a corrupt document) reads them one by one with {@link #version(ModelRef)}.
     * The default reads every version.
     *
     * @param model the model
     * @return the version numbers, empty for an unknown model
     */
    default List<Integer> versionNumbers(String model) {
        return versions(model).stream().map(ModelVersion::version).toList();
    }

    /**
     * The aliases of a model and the versions they point at, sorted by alias.
     *
     * @param model the model
     * @return alias to version
     */
    Map<String, Integer> aliases(String model);

    /**
     * The audit log of a model's alias moves, oldest first.
     *
     * @param model the model
     * @return the moves
     */
    List<AliasMove> aliasMoves(String model);

    /**
     * The moves of one alias of a model, oldest first: its history, each move with its verdict or override.
     *
     * @param model the model
     * @param alias the alias
     * @return the moves of that alias
     */
    default List<AliasMove> aliasHistory(String model, String alias) {
        Objects.requireNonNull(alias, "alias");
        return aliasMoves(model).stream().filter(move -> move.alias().equals(alias)).toList();
    }

    /**
     * Which version an alias pointed at, at an instant: the target of its last move at or before it, e.g. "which
     * version was {@code champion} when this prediction was served".
     *
     * @param model the model
     * @param alias the alias
     * @param at    the instant (on the registry's clock)
     * @return the version, or empty when the alias had not been set by then
     */
    default OptionalInt aliasAt(String model, String alias, Instant at) {
        Objects.requireNonNull(at, "at");
        OptionalInt version = OptionalInt.empty();
        for (AliasMove move : aliasHistory(model, alias)) {
            if (move.movedAt().isAfter(at)) {
                break;
            }
            version = OptionalInt.of(move.toVersion());
        }
        return version;
    }

    /**
     * The values a metric had across a model's versions, oldest first; versions without it are skipped.
     *
     * @param model  the model
     * @param metric the metric's name
     * @return the history
     */
    List<MetricPoint> metricHistory(String model, String metric);
}
