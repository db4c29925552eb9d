package io.github.mlhighway.lifecycle.core.registry;

import io.github.mlhighway.lifecycle.core.store.StoreNames;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;
import io.github.mlhighway.lifecycle.text.Quoted;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The name rules of the registry: the store's rule, shorter, so that derived document keys stay valid. */
final class RegistryNames {

    private static final int MAX_ARTIFACT_NAME = 255;

    private RegistryNames() {
    }

    /**
     * Checks a model or alias name.
     *
     * @param name the name
     * @param what {@code "model"} or {@code "alias"}, for the message
     * @return the name
     */
    static String requireValid(@Nullable String name, String what) {
        if (!StoreNames.isValid(name) || Objects.requireNonNull(name).length() > ModelRegistry.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Invalid " + what + " name " + Quoted.name(name) + ": use 1 to "
                    + ModelRegistry.MAX_NAME_LENGTH + " letters, digits, '.', '_' or '-', starting with a letter or"
                    + " digit, without '..'");
        }
        return name;
    }

    /**
     * Checks an artifact name: store names joined by {@code /}.
     *
     * @param name  the name
     * @param model the model, for the message
     * @return the name
     */
    static String requireValidArtifact(String name, String model) {
        boolean valid = name != null && !name.isEmpty() && name.length() <= MAX_ARTIFACT_NAME;
        if (valid) {
            for (String segment : name.split("/", -1)) {
                valid &= StoreNames.isValid(segment);
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("Invalid artifact name " + Quoted.name(name) + " for model "
                    + Quoted.name(model)
                    + ": use names of letters, digits, '.', '_' or '-' joined by '/', no '..', at most "
                    + MAX_ARTIFACT_NAME + " characters");
        }
        return name;
    }

    /**
     * Refuses artifact names of which one is a directory of another ({@code a} and {@code a/b}): the version could
     * never be copied out as files, since {@code a} cannot be a file and a directory at once.
     *
     * @param names the artifact names of one version
     * @param model the model, for the message
     * @throws IllegalArgumentException naming both names
     */
    static void requireNoFileIsADirectory(Collection<String> names, String model) {
        Set<String> all = new HashSet<>(names);
        for (String name : new TreeSet<>(names)) {
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                String directory = name.substring(0, slash);
                if (all.contains(directory)) {
                    throw new IllegalArgumentException("Model " + Quoted.name(model) + " has artifacts "
                            + Quoted.name(directory) + " and " + Quoted.name(name) + ": the first would have to be a "
                            + "file and the directory of the second at once; rename one of them");
                }
            }
        }
    }
}
