package io.github.mlhighway.lifecycle.djl;

/**
 * A training checkpoint cannot be trusted: its parameter file does not match the digest in its manifest, a file
 * is missing or unreadable, or it was written for other settings or other data. The checkpoint is never used;
 * delete the checkpoint directory to start over.
 *
 * @since 0.1
 */
public final class CheckpointIntegrityException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where
     */
    public CheckpointIntegrityException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause   the underlying failure
     */
    public CheckpointIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
