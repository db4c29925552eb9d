package io.github.mlhighway.lifecycle.core.release;

/**
 * A release could not write its journal, so the change it was making did not happen: the state and the published
 * traffic plan are those before the call. The message names the release and the change refused.
 *
 * @since 0.1
 */
public class ReleaseJournalException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused and why
     * @param cause   the store's failure
     */
    public ReleaseJournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
