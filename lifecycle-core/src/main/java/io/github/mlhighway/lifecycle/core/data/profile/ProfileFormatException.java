package io.github.mlhighway.lifecycle.core.data.profile;

/**
 * A serialized profile cannot be read: unknown format version, missing field or corrupt sketch bytes.
 *
 * @since 0.1
 */
public class ProfileFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, and where
     */
    public ProfileFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, and where
     * @param cause   the underlying error
     */
    public ProfileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
