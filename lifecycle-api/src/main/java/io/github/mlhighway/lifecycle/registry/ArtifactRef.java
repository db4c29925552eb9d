package io.github.mlhighway.lifecycle.registry;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One named file of a model version, by content: its SHA-256 and size.
 *
 * @param name   the file's relative name within the version, e.g. {@code model.pt} or {@code tokenizer/vocab.txt}
 * @param sha256 the lowercase hex SHA-256 of the file's bytes (64 characters)
 * @param size   the file's length in bytes
 * @since 0.1
 */
public record ArtifactRef(String name, String sha256, long size) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the digest is not 64 lowercase hex digits or the size is negative
     */
    public ArtifactRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("Artifact '" + name + "' has digest '" + sha256
                    + "'; expected 64 lowercase hex digits of a SHA-256");
        }
        if (size < 0) {
            throw new IllegalArgumentException("Artifact '" + name + "' has negative size " + size);
        }
    }

    /**
     * Tells whether a text is a lowercase hex SHA-256 digest.
     *
     * @param text the text, possibly null
     * @return true for exactly 64 characters of {@code 0-9a-f}
     */
    public static boolean isSha256(@Nullable String text) {
        return text != null && HEX.matcher(text).matches();
    }
}
