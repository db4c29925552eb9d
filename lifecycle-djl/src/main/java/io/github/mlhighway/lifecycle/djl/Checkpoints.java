package io.github.mlhighway.lifecycle.djl;

import com.google.common.hash.Hashing;
import io.github.mlhighway.lifecycle.core.json.Json;
import io.github.mlhighway.lifecycle.core.store.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The checkpoint directory of one training run: a parameter file per checkpoint ({@code parameters-<step>.params},
 * DJL's block parameter format) and one {@value #MANIFEST} naming the current one with its SHA-256.
 *
 * <p>Every file is written as {@code DirectoryStore} writes documents: to a temporary dot-file in the same
 * directory, fsynced, atomically renamed over the target, then the directory is fsynced. The parameter file is
 * written first and the manifest last, so a crash at any point leaves the previous checkpoint or the new one,
 * never a mix; parameter files no manifest names any more, and temporary files a killed process left behind, are
 * deleted after the manifest is committed.
 *
 * @since 0.1
 */
public final class Checkpoints {

    /** The manifest's file name. */
    public static final String MANIFEST = "checkpoint.json";
    /** The manifest format this version writes and reads. */
    public static final int FORMAT = 1;

    /** The suffix of {@link AtomicFiles}' temporary dot-files. */
    private static final String TEMP_SUFFIX = ".tmp";
    private static final String PARAMETERS_PREFIX = "parameters-";
    private static final String PARAMETERS_SUFFIX = ".params";

    private final Path directory;

    /**
     * @param directory the checkpoint directory of one run (created when the first checkpoint is written)
     */
    public Checkpoints(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** @return the checkpoint directory */
    public Path directory() {
        return directory;
    }

    /**
     * Reads the current manifest, without verifying the parameter file.
     *
     * @return the manifest, or empty when no checkpoint was committed
     * @throws CheckpointIntegrityException when the manifest exists but cannot be read
     */
    public Optional<CheckpointManifest> manifest() {
        Path file = directory.resolve(MANIFEST);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CheckpointIntegrityException("Cannot read the checkpoint manifest " + file + ": " + e, e);
        }
        CheckpointManifest manifest;
        try {
            manifest = Json.read(json, CheckpointManifest.class);
        } catch (RuntimeException e) {
            throw new CheckpointIntegrityException("The checkpoint manifest " + file + " is not valid: "
                    + e.getMessage(), e);
        }
        if (manifest.format() != FORMAT) {
            throw new CheckpointIntegrityException("The checkpoint manifest " + file + " has format "
                    + manifest.format() + "; this version reads format " + FORMAT);
        }
        return Optional.of(manifest);
    }

    /**
     * Reads the current checkpoint and verifies it: the manifest must have been written for {@code configHash},
     * and the parameter file must match the manifest's SHA-256.
     *
     * @param configHash the hash of the settings and data of the run that wants to resume
     * @return the verified checkpoint, or empty when none was committed
     * @throws CheckpointIntegrityException when the checkpoint is tampered with, incomplete, or for another run
     */
    Optional<Checkpoint> load(String configHash) {
        Optional<CheckpointManifest> found = manifest();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CheckpointManifest manifest = found.get();
        if (!manifest.configHash().equals(configHash)) {
            throw new CheckpointIntegrityException("The checkpoint in " + directory + " was written with other"
                    + " settings or data (config hash " + manifest.configHash() + ", this run " + configHash
                    + "); resume with the same batch size, seed, learning rate, schedule and data, or delete the"
                    + " directory to start over");
        }
        Path file = directory.resolve(manifest.parametersFile());
        if (!directory.equals(file.getParent()) || !manifest.parametersFile().startsWith(PARAMETERS_PREFIX)) {
            throw new CheckpointIntegrityException("The checkpoint manifest in " + directory
                    + " names a parameter file outside its directory: " + manifest.parametersFile());
        }
        byte[] parameters;
        try {
            parameters = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointIntegrityException("The checkpoint parameter file " + file + " cannot be read: " + e,
                    e);
        }
        String actual = sha256(parameters);
        if (!actual.equals(manifest.parametersSha256())) {
            throw new CheckpointIntegrityException("The checkpoint parameter file " + file + " does not match its"
                    + " manifest: SHA-256 " + actual + ", expected " + manifest.parametersSha256()
                    + ". Refusing to resume from a tampered or corrupted checkpoint.");
        }
        return Optional.of(new Checkpoint(manifest, parameters));
    }

    /**
     * Commits a checkpoint: writes the parameter file, then the manifest naming it (with its digest), each
     * atomically; then deletes parameter files of older checkpoints.
     *
     * @param draft      the manifest; its file name and digest are replaced
     * @param parameters the block parameters
     * @return the committed manifest
     */
    CheckpointManifest write(CheckpointManifest draft, byte[] parameters) {
        String name = PARAMETERS_PREFIX + draft.steps() + PARAMETERS_SUFFIX;
        CheckpointManifest manifest = new CheckpointManifest(FORMAT, draft.epochsCompleted(),
                draft.batchesIntoEpoch(), draft.steps(), draft.shuffleSeed(), name, sha256(parameters),
                draft.configHash(), draft.partialLossSum(), draft.partialLossRows(), draft.epochReports());
        try {
            AtomicFiles.write(directory.resolve(name), parameters);
            AtomicFiles.write(directory.resolve(MANIFEST), Json.writePretty(manifest).getBytes(StandardCharsets.UTF_8));
            try (DirectoryStream<Path> old = Files.newDirectoryStream(directory,
                    PARAMETERS_PREFIX + "*" + PARAMETERS_SUFFIX)) {
                for (Path file : old) {
                    if (!file.getFileName().toString().equals(name)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            // temporary files of a process killed while writing (each may be a whole copy of the parameters)
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(directory, ".*" + TEMP_SUFFIX)) {
                for (Path file : stale) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the training checkpoint into " + directory, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Cannot write the training checkpoint into " + directory + ": "
                    + e.getMessage(), e.getCause());
        }
        return manifest;
    }

    static String sha256(byte[] bytes) {
        return Hashing.sha256().hashBytes(bytes).toString();
    }

    /** A verified checkpoint: its manifest and parameter bytes. */
    record Checkpoint(CheckpointManifest manifest, byte[] parameters) {
    }
}
