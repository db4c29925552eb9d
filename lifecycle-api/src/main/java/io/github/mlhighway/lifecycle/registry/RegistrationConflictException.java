package io.github.mlhighway.lifecycle.registry;

/**
 * A registration was refused because a version of the model already carries its idempotency key but holds other
 * artifacts: the same run and stage produced different files the second time, so neither can silently stand for
 * the other. Nothing was registered.
 *
 * @since 0.1
 */
public class RegistrationConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The version that already carries the key. */
    private final transient ModelRef existing;

    /**
     * @param message  what conflicts and what to do
     * @param existing the version that already carries the key
     */
    public RegistrationConflictException(String message, ModelRef existing) {
        super(message);
        this.existing = existing;
    }

    /** @return the version that already carries the key */
    public ModelRef existing() {
        return existing;
    }
}
