package io.github.mlhighway.lifecycle.registry;

import io.github.mlhighway.lifecycle.pipeline.StageContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.github.mlhighway.lifecycle.text.Quoted;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What to register as the next version of a model: metadata, the files to store, and lineage. Build one with
 * {@link #of(String)}; the registry assigns the version number and the creation time.
 *
 * <p><b>Idempotent registration.</b> A draft with an {@code idempotencyKey} (usually set with
 * {@link Builder#producedBy(StageContext)}: the run id and stage name) is registered at most once per model: when
 * a version of the model already carries the key, {@link ModelRegistry#register} returns that version if its
 * artifacts have the same digests, and refuses with a {@link RegistrationConflictException} if they differ. So a
 * stage that registers a model and is run again after a crash (before its checkpoint was written) gets the
 * version it registered the first time instead of a duplicate:
 *
 * <pre>{@code
 * .then("register", ModelVersion.class, (weights, context) -> registry.register(NewModelVersion.of("rain")
 *         .metric("auc", 0.84).file("model.pt", weights).producedBy(context).build()))
 * }</pre>
 *
 * @param model      the model's name
 * @param parameters training parameters
 * @param metrics    evaluation metrics; each must be finite
 * @param tags       free-form labels
 * @param files      the files to store, by name within the version (insertion order kept)
 * @param lineage    what the version came from
 * @param idempotencyKey registers the draft at most once per model (see above), or null
 * @since 0.1
 */
public record NewModelVersion(String model, Map<String, String> parameters, Map<String, Double> metrics,
                              Map<String, String> tags, Map<String, Path> files, List<LineageRef> lineage,
                              @Nullable String idempotencyKey) {

    /** The longest idempotency key. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 512;

    /**
     * Copies the components.
     *
     * @throws IllegalArgumentException if the idempotency key is blank or longer than
     *                                  {@value #MAX_IDEMPOTENCY_KEY_LENGTH} characters
     */
    public NewModelVersion {
        Objects.requireNonNull(model, "model");
        parameters = Map.copyOf(parameters);
        metrics = Map.copyOf(metrics);
        tags = Map.copyOf(tags);
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        lineage = List.copyOf(lineage);
        if (idempotencyKey != null) {
            requireKey(idempotencyKey, model);
        }
    }

    /**
     * A draft without an idempotency key: every registration makes a new version.
     *
     * @param model      the model's name
     * @param parameters training parameters
     * @param metrics    evaluation metrics
     * @param tags       free-form labels
     * @param files      the files to store, by name
     * @param lineage    what the version came from
     */
    public NewModelVersion(String model, Map<String, String> parameters, Map<String, Double> metrics,
                           Map<String, String> tags, Map<String, Path> files, List<LineageRef> lineage) {
        this(model, parameters, metrics, tags, files, lineage, null);
    }

    /**
     * The idempotency key of a pipeline stage: {@code <run id>/<stage name>}.
     *
     * @param context the running stage
     * @return the key
     */
    public static String idempotencyKeyOf(StageContext context) {
        Objects.requireNonNull(context, "context");
        return context.runId() + "/" + context.stageName();
    }

    private static String requireKey(String key, String model) {
        if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new IllegalArgumentException("Idempotency key of model " + Quoted.name(model) + " must be 1 to "
                    + MAX_IDEMPOTENCY_KEY_LENGTH + " characters, not blank; was " + Quoted.name(key));
        }
        return key;
    }

    /**
     * Starts a new version of a model.
     *
     * @param model the model's name
     * @return a builder
     */
    public static Builder of(String model) {
        return new Builder(model);
    }

    /** Collects a {@link NewModelVersion}; each method checks its argument at once. */
    public static final class Builder {

        private final String model;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final Map<String, Path> files = new LinkedHashMap<>();
        private final List<LineageRef> lineage = new ArrayList<>();
        private @Nullable String idempotencyKey;

        private Builder(String model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /**
         * Adds a training parameter.
         *
         * @param name  its name
         * @param value its value
         * @return this builder
         */
        public Builder parameter(String name, String value) {
            parameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a metric.
         *
         * @param name  its name, e.g. {@code auc}
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException if the value is NaN or infinite
         */
        public Builder metric(String name, double value) {
            Objects.requireNonNull(name, "name");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("Metric " + Quoted.name(name) + " of model " + Quoted.name(model)
                        + " is " + value
                        + "; metrics must be finite numbers");
            }
            metrics.put(name, value);
            return this;
        }

        /**
         * Adds a tag.
         *
         * @param name  its name
         * @param value its value
         * @return this builder
         */
        public Builder tag(String name, String value) {
            tags.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a file to store under a name.
         *
         * @param name the name within the version, e.g. {@code model.pt}
         * @param file an existing regular file
         * @return this builder
         * @throws IllegalArgumentException if the name is taken or the file is not a regular file
         */
        public Builder file(String name, Path file) {
            Objects.requireNonNull(name, "name");
            if (!Files.isRegularFile(Objects.requireNonNull(file, "file"))) {
                throw new IllegalArgumentException("Artifact " + Quoted.name(name) + " of model " + Quoted.name(model)
                        + ": " + file + " is not a regular file");
            }
            if (files.putIfAbsent(name, file) != null) {
                throw new IllegalArgumentException("Model " + Quoted.name(model) + " already has an artifact named "
                        + Quoted.name(name));
            }
            return this;
        }

        /**
         * Adds every regular file under a directory, named by its path relative to it with {@code /} separators
         * (a DJL model is a directory). Symbolic links are not followed out of the directory: a link to a regular
         * file inside it is added (under the link's name); any other link (out of the directory, to a directory, or
         * dangling) and any device, FIFO or socket is refused.
         *
         * @param directory an existing directory
         * @return this builder
         * @throws IllegalArgumentException if the directory holds a link out of it, or a file that is not regular
         * @throws UncheckedIOException     if the directory cannot be listed
         */
        public Builder directory(Path directory) {
            Objects.requireNonNull(directory, "directory");
            Path real;
            try {
                real = directory.toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list model directory " + directory + ": " + e.getMessage(), e);
            }
            List<Path> found = new ArrayList<>();
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                throw new UncheckedIOException("Cannot list model directory " + directory + ": " + e.getMessage(),
                        e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
            }
            for (Path path : found) {
                String name = directory.relativize(path).toString().replace(directory.getFileSystem().getSeparator(),
                        "/");
                if (Files.isSymbolicLink(path)) {
                    requireLinkInside(path, real, name);
                } else if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalArgumentException("Artifact " + Quoted.name(name) + " of model "
                            + Quoted.name(model) + ": " + path + " is not a regular file (a device, FIFO or socket)");
                }
                file(name, path);
            }
            return this;
        }

        /**
         * Allows a symbolic link in a model directory only when it resolves to a regular file inside it, so that a
         * registration never copies what a link points at elsewhere (a key, /dev/zero, another model).
         */
        private void requireLinkInside(Path link, Path realDirectory, String name) {
            Path target;
            try {
                target = link.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException("Artifact " + Quoted.name(name) + " of model " + Quoted.name(model)
                        + ": " + link + " is a symbolic link that cannot be resolved (" + e.getMessage() + ")", e);
            }
            if (!target.startsWith(realDirectory) || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("Artifact " + Quoted.name(name) + " of model " + Quoted.name(model)
                        + ": " + link + " is a symbolic link to " + target + ", outside the model directory "
                        + realDirectory + " or not a regular file; copy the file into the directory instead");
            }
        }

        /**
         * Adds a lineage reference.
         *
         * @param reference the reference
         * @return this builder
         */
        public Builder lineage(LineageRef reference) {
            lineage.add(Objects.requireNonNull(reference, "reference"));
            return this;
        }

        /**
         * Makes the registration idempotent under a key: registering a draft whose key a version of the model
         * already carries returns that version (same artifacts) or is refused (other artifacts).
         *
         * @param key 1 to {@value #MAX_IDEMPOTENCY_KEY_LENGTH} characters, e.g. a run id and step
         * @return this builder
         * @throws IllegalArgumentException if the key is blank or too long
         */
        public Builder idempotencyKey(String key) {
            this.idempotencyKey = requireKey(Objects.requireNonNull(key, "key"), model);
            return this;
        }

        /**
         * Marks the version as produced by a pipeline stage: the idempotency key becomes
         * {@code <run id>/<stage name>} ({@link #idempotencyKeyOf}), so the stage registers one version however
         * often it is re-run after a crash, and the run is added to the lineage (once).
         *
         * @param context the running stage's context
         * @return this builder
         */
        public Builder producedBy(StageContext context) {
            idempotencyKey(idempotencyKeyOf(context));
            LineageRef run = LineageRef.run(context.runId());
            if (!lineage.contains(run)) {
                lineage.add(run);
            }
            return this;
        }

        /**
         * Builds the draft.
         *
         * @return the draft
         */
        public NewModelVersion build() {
            return new NewModelVersion(model, parameters, metrics, tags, files, lineage, idempotencyKey);
        }
    }
}
