package io.github.mlhighway.lifecycle.store;

/**
 * A store could not read or write a document. The message names the collection, key and file where known.
 *
 * @since 0.1
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and where
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what failed and where
     * @param cause   the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
