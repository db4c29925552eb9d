package io.github.mlhighway.lifecycle.core.registry;

import io.github.mlhighway.lifecycle.core.store.StoreNames;
import io.github.mlhighway.lifecycle.registry.ModelRegistry;

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
    static String requireValid(String name, String what) {
        if (!StoreNames.isValid(name) || name.length() > ModelRegistry.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + name + "': use 1 to "
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
            throw new IllegalArgumentException("Invalid artifact name '" + name + "' for model " + model
                    + ": use names of letters, digits, '.', '_' or '-' joined by '/', no '..', at most "
                    + MAX_ARTIFACT_NAME + " characters");
        }
        return name;
    }
}
