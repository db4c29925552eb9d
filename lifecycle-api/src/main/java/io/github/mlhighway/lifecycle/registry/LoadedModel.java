package io.github.mlhighway.lifecycle.registry;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A model version whose every artifact was just verified against its SHA-256, with the verified files.
 *
 * @param version the version's metadata
 * @param files   the verified files, by artifact name (read-only: they are the registry's content-addressed copies)
 */
public record LoadedModel(ModelVersion version, Map<String, Path> files) {

    /** Copies the components. */
    public LoadedModel {
        Objects.requireNonNull(version, "version");
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    /**
     * The verified file of an artifact.
     *
     * @param name the artifact's name
     * @return the file
     * @throws IllegalArgumentException naming the artifacts there are, if there is none by that name
     */
    public Path file(String name) {
        Path file = files.get(name);
        if (file == null) {
            throw new IllegalArgumentException("Model " + version.ref() + " has no artifact '" + name + "'; it has "
                    + files.keySet());
        }
        return file;
    }
}
