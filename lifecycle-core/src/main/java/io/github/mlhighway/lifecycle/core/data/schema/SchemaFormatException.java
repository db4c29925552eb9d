package io.github.mlhighway.lifecycle.core.data.schema;

import org.jspecify.annotations.Nullable;

/**
 * A schema document that cannot be read: not JSON, an unknown format version, or an invalid column.
 *
 * @since 0.1
 */
public final class SchemaFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message and a cause.
     *
     * @param message what is wrong with the document
     * @param cause   the underlying error, or null
     */
    public SchemaFormatException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
