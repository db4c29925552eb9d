package io.github.mlhighway.lifecycle.core.store;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for collection names and keys, so that no name can leave its directory.
 *
 * @since 0.1
 */
public final class StoreNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private StoreNames() {
    }

    /**
     * Checks a collection name or key.
     *
     * @param name the name
     * @param what what the name is, for the message (e.g. {@code "collection"})
     * @return the name
     * @throws IllegalArgumentException if the name is not 1 to 128 letters, digits, {@code . _ -} starting with a
     *                                  letter or digit, or contains {@code ..}
     */
    public static String requireValid(String name, String what) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("Invalid store " + what + " '" + name
                    + "': use 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit, "
                    + "without '..'");
        }
        return name;
    }

    /**
     * Tells whether a name is a valid collection name or key, by the rule of {@link #requireValid}.
     *
     * @param name the name, possibly null
     * @return true when the name is valid
     */
    public static boolean isValid(@Nullable String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }
}
