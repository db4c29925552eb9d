package io.github.mlhighway.lifecycle.registry;

import java.util.NoSuchElementException;

/**
 * A model, version or alias that does not exist was asked for; the message names what does exist.
 *
 * @since 0.1
 */
public class ModelNotFoundException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was asked for and what exists
     */
    public ModelNotFoundException(String message) {
        super(message);
    }
}
