package io.github.mlhighway.lifecycle.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What to register as the next version of a model: metadata, the files to store, and lineage. Build one with
 * {@link #of(String)}; the registry assigns the version number and the creation time.
 *
 * @param model      the model's name
 * @param parameters training parameters
 * @param metrics    evaluation metrics; each must be finite
 * @param tags       free-form labels
 * @param files      the files to store, by name within the version (insertion order kept)
 * @param lineage    what the version came from
 */
public record NewModelVersion(String model, Map<String, String> parameters, Map<String, Double> metrics,
                              Map<String, String> tags, Map<String, Path> files, List<LineageRef> lineage) {

    /** Copies the components. */
    public NewModelVersion {
        Objects.requireNonNull(model, "model");
        parameters = Map.copyOf(parameters);
        metrics = Map.copyOf(metrics);
        tags = Map.copyOf(tags);
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        lineage = List.copyOf(lineage);
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
                throw new IllegalArgumentException("Metric '" + name + "' of model " + model + " is " + value
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
                throw new IllegalArgumentException("Artifact '" + name + "' of model " + model + ": " + file
                        + " is not a regular file");
            }
            if (files.putIfAbsent(name, file) != null) {
                throw new IllegalArgumentException("Model " + model + " already has an artifact named '" + name + "'");
            }
            return this;
        }

        /**
         * Adds every regular file under a directory, named by its path relative to it with {@code /} separators
         * (a DJL model is a directory).
         *
         * @param directory an existing directory
         * @return this builder
         * @throws UncheckedIOException if the directory cannot be listed
         */
        public Builder directory(Path directory) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.filter(Files::isRegularFile).sorted().forEach(path -> file(
                        directory.relativize(path).toString().replace(directory.getFileSystem().getSeparator(), "/"),
                        path));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list model directory " + directory, e);
            }
            return this;
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
         * Builds the draft.
         *
         * @return the draft
         */
        public NewModelVersion build() {
            return new NewModelVersion(model, parameters, metrics, tags, files, lineage);
        }
    }
}
